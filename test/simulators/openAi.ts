/**
 * A stand-in for OpenAI's API, so that n8n's AI Agent with n8n's OpenAI Chat Model runs our nodes as
 * tools with no OpenAI account: a loopback server that answers like a model following a script.
 *
 * It serves both ways n8n's OpenAI Chat Model talks to OpenAI (n8n 2.0 and 2.41, model node version
 * 1.3): the Responses API (POST /v1/responses, the node's default, "Use Responses API" on) and Chat
 * Completions (POST /v1/chat/completions, that option off or node versions before 1.3); GET
 * /v1/models answers the credential test. Requests carry `Authorization: Bearer <apiKey>`.
 *
 * The script: on a turn that has no tool results yet, the model calls, all at once, every offered
 * tool that `toolCalls` names, with the arguments given there (a tool's name is its node's name with
 * every character outside [A-Za-z0-9_-] made `_`, as n8n names it). On the turn after, it answers in
 * words, quoting what each tool returned. Offered tools the script does not name are not called.
 *
 * Deliberately not a vendor sandbox (no `sandbox` export): the vendor checks that iterate sandboxes
 * (credential wording, test events) are about our credentials, not OpenAI's.
 */
import type { SimRequest, SimResponse } from './base';
import { Simulator } from './base';

/** Arguments for each tool the model calls, by tool name. */
export type ToolCallScript = Record<string, Record<string, unknown>>;

/** One tool result the model was handed back: which call it answers and what the tool returned. */
export interface ToolResult {
	callId: string;
	name: string | undefined;
	output: string;
}

/** One request to the model, as the stand-in understood it. */
export interface ModelTurn {
	api: 'responses' | 'chat.completions';
	model: string;
	/** The names of the tools offered. */
	tools: string[];
	/** The tool results in the conversation so far. */
	toolResults: ToolResult[];
	/** What the model answered: the tools it called (name, arguments) or its final words. */
	answer: { toolCalls: Array<{ callId: string; name: string; arguments: Record<string, unknown> }> } | { text: string };
}

export const OPENAI_STAND_IN_KEY = 'sk-sandbox-stand-in-not-secret';

/** The fixed loopback port of the stand-in that `npm start` runs (next to the vendor sandboxes, 4101-4105). */
export const OPENAI_STAND_IN_PORT = 4106;

/** The credential that points n8n's OpenAI Chat Model at a running stand-in (the fixtures use its ID). */
export function openAiStandInCredential(standIn: OpenAiStandIn) {
	return {
		id: 'sandboxOpenAiSI',
		name: 'OpenAI (sandbox stand-in)',
		type: 'openAiApi',
		data: { apiKey: standIn.apiKey, url: `${standIn.baseUrl}/v1`, header: false },
	};
}

/**
 * The tool calls of the AI-agent example (test/e2e/fixtures/aiAgent.workflow.json): one action per
 * vendor, each with the arguments its `$fromAI(...)` parameters ask for.
 */
export const AGENT_EXAMPLE_SCRIPT: ToolCallScript = {
	Start_LiveChat_chat: { message: 'Hello from the AI agent: your order 1042 has shipped.' },
	Search_LiveAgent_knowledgebase: { query: 'invoice' },
	Create_5chat_ticket: { title: 'Invoice missing for order 1042' },
	Get_Social_Intents_chat: { chatId: '2c9fa7465ccfd687015cda9fed35085a' },
	Send_Alive5_SMS: { message: 'Your order 1042 has shipped.' },
};

/**
 * The tool calls of the Live Chat node's AI-agent example (test/e2e/fixtures/aiAgent.liveChat.workflow.json):
 * one Live Chat node per platform and operation it can do, each with its `$fromAI(...)` arguments. The IDs
 * are the sandboxes' own: LiveChat's open chat SANDBOX001 and its customer, LiveAgent's documented
 * conversation and customer (both agents' replies need an assigned agent, which these have), 5chat's
 * newest visitor and Social Intents' documented chat. 5chat and Alive5 are read by Get Many, so the model
 * learns IDs it did not give.
 */
export const LIVE_CHAT_AGENT_SCRIPT: ToolCallScript = {
	Get_LiveChat_conversation: { conversationId: 'SANDBOX001' },
	Get_LiveChat_contact: { contactId: 'b7eff798-f8df-4364-8059-649c35c9ed0c' },
	Reply_on_LiveChat: { conversationId: 'SANDBOX001', text: 'Your order 1042 shipped today; the invoice is on its way.' },
	Get_LiveAgent_conversation: { conversationId: 's4y7t5s7' },
	Get_LiveAgent_contact: { contactId: 'john@owner.com' },
	Reply_on_LiveAgent: { conversationId: 's4y7t5s7', text: 'We have resent the invoice for order 1042.' },
	List_5chat_conversations: { limit: 2 },
	Get_5chat_contact: { contactId: 'vtok_018l' },
	Get_Social_Intents_conversation: { conversationId: '2c9fa7465ccfd687015cda9fed35085a' },
	List_Alive5_conversations: { limit: 2 },
	Reply_on_5chat: { conversationId: '1', text: 'We are looking into ticket 1 now.' },
	Reply_on_Alive5: { conversationId: 'sess-sms-0001', text: 'Your invoice is attached again.' },
};

export class OpenAiStandIn extends Simulator {
	readonly vendor = 'OpenAI (stand-in)';
	readonly apiKey = OPENAI_STAND_IN_KEY;
	/** Both examples' calls: their tool names differ, and only offered tools are called, so one script serves either. */
	script: ToolCallScript = { ...AGENT_EXAMPLE_SCRIPT, ...LIVE_CHAT_AGENT_SCRIPT };
	/** Every model request, in order. */
	readonly turns: ModelTurn[] = [];
	/** The first words of the model's final answer (POST /__sim/answer {"text"} changes them). */
	closing = 'Done.';
	private counter = 0;

	constructor() {
		super();
		this.route('GET', '/v1/models', () => ({ body: { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', created: 0, owned_by: 'stand-in' }] } }));
		this.route('POST', '/v1/responses', (request) => this.responses(request));
		this.route('POST', '/v1/chat/completions', (request) => this.chatCompletions(request));
	}

	protected seed(): void {
		this.turns.length = 0;
		this.closing = 'Done.';
	}

	state() {
		return { turns: this.turns, script: this.script, closing: this.closing };
	}

	protected controls() {
		return {
			answer: (body: unknown) => {
				const text = (body as { text?: unknown } | undefined)?.text;
				if (typeof text !== 'string' || text === '') throw new Error('answer needs a non-empty "text"');
				this.closing = text;
				return { ok: true, closing: text };
			},
		};
	}

	protected isAuthorized(request: SimRequest): boolean {
		return request.headers.authorization === `Bearer ${this.apiKey}`;
	}

	/** OpenAI's own answer to a wrong key (its wording names the key). */
	protected unauthorized(): SimResponse {
		return {
			status: 401,
			body: { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } },
		};
	}

	protected errorResponse(status: number, message: string): SimResponse {
		return { status, body: { error: { message, type: 'invalid_request_error', param: null, code: null } } };
	}

	protected envelopeError(message: string): SimResponse {
		return this.errorResponse(500, message);
	}

	private id(prefix: string): string {
		this.counter += 1;
		return `${prefix}_standin${String(this.counter).padStart(4, '0')}`;
	}

	/** The scripted answer to a conversation with these tools offered and these results in it. */
	private decide(tools: string[], toolResults: ToolResult[]): ModelTurn['answer'] {
		if (toolResults.length === 0) {
			const toolCalls = tools
				.filter((name) => this.script[name] !== undefined)
				.map((name) => ({ callId: this.id('call'), name, arguments: this.script[name] }));
			if (toolCalls.length > 0) return { toolCalls };
		}
		const quoted = toolResults.map((result) => `${result.name ?? result.callId}: ${result.output.slice(0, 200)}`);
		return { text: [this.closing, ...quoted].join('\n') };
	}

	private responses(request: SimRequest): SimResponse {
		const body = (request.body ?? {}) as {
			model?: string;
			stream?: boolean;
			tools?: Array<{ type: string; name?: string }>;
			input?: Array<{ type?: string; call_id?: string; name?: string; output?: unknown }> | string;
		};
		if (body.stream) return this.errorResponse(400, 'the stand-in does not stream');
		const input = Array.isArray(body.input) ? body.input : [];
		const names = new Map(input.filter((item) => item.type === 'function_call').map((item) => [item.call_id, item.name]));
		const toolResults = input
			.filter((item) => item.type === 'function_call_output')
			.map((item) => ({ callId: String(item.call_id), name: names.get(item.call_id), output: text(item.output) }));
		const tools = (body.tools ?? []).filter((tool) => tool.type === 'function').map((tool) => String(tool.name));
		const answer = this.decide(tools, toolResults);
		const model = body.model ?? 'gpt-4o-mini';
		this.turns.push({ api: 'responses', model, tools, toolResults, answer });
		const output =
			'toolCalls' in answer
				? answer.toolCalls.map((call) => ({
						type: 'function_call',
						id: this.id('fc'),
						call_id: call.callId,
						name: call.name,
						arguments: JSON.stringify(call.arguments),
						status: 'completed',
					}))
				: [
						{
							type: 'message',
							id: this.id('msg'),
							status: 'completed',
							role: 'assistant',
							content: [{ type: 'output_text', text: answer.text, annotations: [] }],
						},
					];
		return {
			body: {
				id: this.id('resp'),
				object: 'response',
				created_at: Math.floor(Date.now() / 1000),
				status: 'completed',
				error: null,
				incomplete_details: null,
				model,
				output,
				parallel_tool_calls: true,
				tool_choice: 'auto',
				tools: body.tools ?? [],
				usage: {
					input_tokens: 10,
					input_tokens_details: { cached_tokens: 0 },
					output_tokens: 10,
					output_tokens_details: { reasoning_tokens: 0 },
					total_tokens: 20,
				},
			},
		};
	}

	private chatCompletions(request: SimRequest): SimResponse {
		const body = (request.body ?? {}) as {
			model?: string;
			stream?: boolean;
			tools?: Array<{ type: string; function?: { name?: string } }>;
			messages?: Array<{ role: string; content?: unknown; tool_call_id?: string; tool_calls?: Array<{ id: string; function: { name: string } }> }>;
		};
		if (body.stream) return this.errorResponse(400, 'the stand-in does not stream');
		const messages = body.messages ?? [];
		const names = new Map(messages.flatMap((message) => message.tool_calls ?? []).map((call) => [call.id, call.function.name]));
		const toolResults = messages
			.filter((message) => message.role === 'tool')
			.map((message) => ({ callId: String(message.tool_call_id), name: names.get(message.tool_call_id ?? ''), output: text(message.content) }));
		const tools = (body.tools ?? []).filter((tool) => tool.type === 'function').map((tool) => String(tool.function?.name));
		const answer = this.decide(tools, toolResults);
		const model = body.model ?? 'gpt-4o-mini';
		this.turns.push({ api: 'chat.completions', model, tools, toolResults, answer });
		const message =
			'toolCalls' in answer
				? {
						role: 'assistant',
						content: null,
						tool_calls: answer.toolCalls.map((call) => ({
							id: call.callId,
							type: 'function',
							function: { name: call.name, arguments: JSON.stringify(call.arguments) },
						})),
					}
				: { role: 'assistant', content: answer.text };
		return {
			body: {
				id: this.id('chatcmpl'),
				object: 'chat.completion',
				created: Math.floor(Date.now() / 1000),
				model,
				choices: [{ index: 0, message, logprobs: null, finish_reason: 'toolCalls' in answer ? 'tool_calls' : 'stop' }],
				usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
			},
		};
	}
}

/** A tool result's text: a string as it is, content parts joined, anything else as JSON. */
function text(value: unknown): string {
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return value.map((part) => (typeof part === 'string' ? part : String((part as { text?: unknown }).text ?? JSON.stringify(part)))).join('');
	return JSON.stringify(value);
}
