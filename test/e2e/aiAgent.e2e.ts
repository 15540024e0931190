/**
 * An AI agent uses our nodes as tools in real n8n: n8n's AI Agent with n8n's OpenAI Chat Model, whose
 * credential's base URL points at the OpenAI stand-in (test/simulators/openAi.ts). The stand-in calls
 * one action per vendor with arguments the tools take through `$fromAI(...)`; each call must reach
 * that vendor's simulator, and what the simulator answered must come back to the model.
 */
import type { Simulator } from '../simulators/base';
import { AGENT_EXAMPLE_SCRIPT, OpenAiStandIn, openAiStandInCredential } from '../simulators/openAi';
import type { LiveChatSimulator } from '../simulators/liveChat';
import type { FiveChatSimulator } from '../simulators/fiveChat';
import type { Alive5Simulator } from '../simulators/alive5';
import { fixtures, itemsOf, N8nHost } from './n8n';
import { sandboxSpecs } from './sandbox';

const vendors = sandboxSpecs().map((spec) => ({ spec, simulator: spec.create() as Simulator }));
const simulator = <S extends Simulator>(key: string) => vendors.find((vendor) => vendor.spec.key === key)!.simulator as S;
const standIn = new OpenAiStandIn();
let host: N8nHost;
const [agentWorkflow] = fixtures('aiAgent');
/** The same example with its chat model on Chat Completions (*Use Responses API* off). */
const chatCompletionsWorkflow = {
	...agentWorkflow,
	id: 'aiAgentChatComp1',
	name: `${agentWorkflow.name} on Chat Completions`,
	nodes: agentWorkflow.nodes.map((node) =>
		node.type === '@n8n/n8n-nodes-langchain.lmChatOpenAi' ? { ...node, parameters: { ...(node.parameters as object), responsesApiEnabled: false } } : node,
	),
};

beforeAll(async () => {
	for (const { simulator } of vendors) await simulator.start();
	await standIn.start();
	host = await N8nHost.withPackage();
	await host.importCredentials([
		...vendors.flatMap(({ spec, simulator }) => spec.credentials(simulator as never)),
		openAiStandInCredential(standIn),
	]);
	await host.importWorkflows([agentWorkflow, chatCompletionsWorkflow]);
});

afterAll(async () => {
	await host?.stop();
	for (const { simulator } of vendors) await simulator.stop();
	await standIn.stop();
	expect(host.log).not.toContain(standIn.apiKey);
});

describe('an AI agent in real n8n', () => {
	it.each([
		['the Responses API (the model node\'s default)', agentWorkflow, 'responses'],
		['Chat Completions', chatCompletionsWorkflow, 'chat.completions'],
	] as const)('on %s: calls one action per vendor as a tool, with $fromAI arguments, and hands what each vendor answered back to the model', async (_api, workflow, api) => {
		for (const { simulator } of vendors) simulator.reset();
		standIn.reset();
		const started = Date.now();
		const { status, run } = await host.execute(workflow.id);
		const took = Date.now() - started;
		const runData = run.data.resultData.runData;
		expect(run.data.resultData.error).toBeUndefined();
		expect(status).toBe(0);

		// The model was offered every tool, asked for all five at once, then answered after their results.
		const tools = Object.keys(AGENT_EXAMPLE_SCRIPT);
		expect(standIn.turns.map((turn) => turn.api)).toEqual([api, api]);
		const [ask, answer] = standIn.turns;
		expect(ask.tools.sort()).toEqual([...tools].sort());
		expect(ask.answer).toEqual({ toolCalls: expect.arrayContaining(tools.map((name) => expect.objectContaining({ name }))) });
		expect(answer.toolResults.map((result) => result.name).sort()).toEqual([...tools].sort());
		const resultOf = (tool: string) => answer.toolResults.find((result) => result.name === tool)!.output;

		// LiveChat: the chat started with the model's words; the chat ID the simulator made went back.
		const liveChat = simulator<LiveChatSimulator>('liveChat');
		const start = liveChat.requests.find((request) => request.path.endsWith('/start_chat'));
		expect(JSON.stringify(start?.body)).toContain(AGENT_EXAMPLE_SCRIPT.Start_LiveChat_chat.message as string);
		const chat = [...liveChat.chats.values()].find((candidate) => JSON.stringify(candidate).includes(AGENT_EXAMPLE_SCRIPT.Start_LiveChat_chat.message as string));
		expect(resultOf('Start_LiveChat_chat')).toContain(chat!.id);

		// LiveAgent: the search the model asked for, and the article text only the simulator holds.
		const search = simulator('liveAgent').requests.find((request) => request.path === '/api/knowledgebase/search');
		expect(search?.query).toMatchObject({ query: 'invoice' });
		expect(resultOf('Search_LiveAgent_knowledgebase')).toContain('Invoices are mailed monthly.');

		// 5chat: the ticket titled by the model; the ID the simulator gave it went back.
		const fiveChat = simulator<FiveChatSimulator>('fiveChat');
		const created = fiveChat.requests.find((request) => request.method === 'POST' && request.path === '/tickets');
		expect(created?.body).toMatchObject({ title: AGENT_EXAMPLE_SCRIPT.Create_5chat_ticket.title });
		const ticket = fiveChat.tickets.find((candidate) => candidate.title === AGENT_EXAMPLE_SCRIPT.Create_5chat_ticket.title);
		expect(resultOf('Create_5chat_ticket')).toContain(`"id":${ticket!.id},`);

		// Social Intents: the chat the model named, read back as a transcript with the visitor's words.
		const read = simulator('socialIntents').requests.filter((request) => request.path === '/chats');
		expect(read.map((request) => request.query.id)).toEqual([AGENT_EXAMPLE_SCRIPT.Get_Social_Intents_chat.chatId]);
		expect(resultOf('Get_Social_Intents_chat')).toContain('Hi I have a question about your service.');

		// Alive5: the SMS with the model's words, sent once; the session ID of the thread it opened went back.
		const alive5 = simulator<Alive5Simulator>('alive5');
		expect(alive5.sent).toEqual([expect.objectContaining({ message: AGENT_EXAMPLE_SCRIPT.Send_Alive5_SMS.message })]);
		const thread = alive5.conversations.find((conversation) => conversation.contacts_phone === alive5.sent[0].phone_number_to && conversation.endMs === null);
		expect(resultOf('Send_Alive5_SMS')).toContain(`"thread_id":"${thread!.alive5_sessionID}"`);

		// The agent's output is the model's last words, quoting the tools.
		const [output] = itemsOf(runData, 'AI Agent');
		expect(String(output.output)).toMatch(/^Done\./);
		const calls = 'toolCalls' in ask.answer ? ask.answer.toolCalls : [];
		// eslint-disable-next-line no-console
		console.log(
			[
				`AI agent on ${api}: n8n execute ${took} ms, ${standIn.turns.length} model requests`,
				...calls.map((call) => `  ${call.name}(${JSON.stringify(call.arguments)}) -> ${resultOf(call.name).slice(0, 160)}`),
			].join('\n'),
		);
	});
});
