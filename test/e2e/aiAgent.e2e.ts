/**
 * An AI agent uses our nodes as tools in real n8n: n8n's AI Agent with n8n's OpenAI Chat Model, whose
 * credential's base URL points at the OpenAI stand-in (test/simulators/openAi.ts). Two examples: one
 * action per vendor, and the Live Chat node on every platform (each operation the platform can do). The
 * stand-in calls every tool with arguments the tools take through `$fromAI(...)`; each call must reach
 * that vendor's simulator, and what only the simulator knew must come back to the model.
 */
import type { Simulator } from '../simulators/base';
import { AGENT_EXAMPLE_SCRIPT, LIVE_CHAT_AGENT_SCRIPT, OpenAiStandIn, openAiStandInCredential } from '../simulators/openAi';
import type { LiveChatSimulator } from '../simulators/liveChat';
import type { LiveAgentSimulator } from '../simulators/liveAgent';
import type { FiveChatSimulator } from '../simulators/fiveChat';
import type { SocialIntentsSimulator } from '../simulators/socialIntents';
import type { Alive5Simulator } from '../simulators/alive5';
import { fixtures, itemsOf, N8nHost, type Workflow } from './n8n';
import { AI_AGENT_EXAMPLES, sandboxSpecs } from './sandbox';

const vendors = sandboxSpecs().map((spec) => ({ spec, simulator: spec.create() as Simulator }));
const simulator = <S extends Simulator>(key: string) => vendors.find((vendor) => vendor.spec.key === key)!.simulator as S;
const standIn = new OpenAiStandIn();
let host: N8nHost;
const usesLiveChatNode = (workflow: Workflow) => workflow.nodes.some((node) => node.type === 'n8n-nodes-live-chat.anyLiveChatTool');
/** The vendor nodes' example (aiAgent.workflow.json) and the Live Chat node's (aiAgent.liveChat.workflow.json). */
const agentWorkflow = fixtures(AI_AGENT_EXAMPLES).find((workflow) => !usesLiveChatNode(workflow))!;
const liveChatAgentWorkflow = fixtures(AI_AGENT_EXAMPLES).find(usesLiveChatNode)!;
/** The same example with its chat model on Chat Completions (*Use Responses API* off). */
const onChatCompletions = (workflow: Workflow, id: string): Workflow => ({
	...workflow,
	id,
	name: `${workflow.name} on Chat Completions`,
	nodes: workflow.nodes.map((node) =>
		node.type === '@n8n/n8n-nodes-langchain.lmChatOpenAi' ? { ...node, parameters: { ...(node.parameters as object), responsesApiEnabled: false } } : node,
	),
});
const chatCompletionsWorkflow = onChatCompletions(agentWorkflow, 'aiAgentChatComp1');
const liveChatChatCompletionsWorkflow = onChatCompletions(liveChatAgentWorkflow, 'aiAgentLcChatCo1');

/**
 * Runs an agent workflow with every simulator fresh, and checks what every run must show: success, two
 * model requests on `api`, the first offering exactly `tools` and calling each, the second handed each one's
 * result. Gives the agent's output item, each tool's result as the model got it, and a report to log.
 */
async function runAgent(workflow: Workflow, api: 'responses' | 'chat.completions', tools: string[]) {
	for (const { simulator } of vendors) simulator.reset();
	standIn.reset();
	const started = Date.now();
	const { status, run } = await host.execute(workflow.id);
	const took = Date.now() - started;
	expect(run.data.resultData.error).toBeUndefined();
	expect(status).toBe(0);

	expect(standIn.turns.map((turn) => turn.api)).toEqual([api, api]);
	const [ask, answer] = standIn.turns;
	expect(ask.tools.sort()).toEqual([...tools].sort());
	expect(ask.answer).toEqual({ toolCalls: expect.arrayContaining(tools.map((name) => expect.objectContaining({ name }))) });
	expect(answer.toolResults.map((result) => result.name).sort()).toEqual([...tools].sort());
	const resultOf = (tool: string) => answer.toolResults.find((result) => result.name === tool)!.output;

	const [output] = itemsOf(run.data.resultData.runData, 'AI Agent');
	const calls = 'toolCalls' in ask.answer ? ask.answer.toolCalls : [];
	const report = () =>
		// eslint-disable-next-line no-console
		console.log(
			[
				`${workflow.name} (${api}): n8n execute ${took} ms, ${standIn.turns.length} model requests`,
				...calls.map((call) => `  ${call.name}(${JSON.stringify(call.arguments)}) -> ${resultOf(call.name).slice(0, 160)}`),
			].join('\n'),
		);
	return { output, resultOf, report };
}

beforeAll(async () => {
	for (const { simulator } of vendors) await simulator.start();
	await standIn.start();
	host = await N8nHost.withPackage();
	await host.importCredentials([
		...vendors.flatMap(({ spec, simulator }) => spec.credentials(simulator as never)),
		openAiStandInCredential(standIn),
	]);
	await host.importWorkflows([agentWorkflow, chatCompletionsWorkflow, liveChatAgentWorkflow, liveChatChatCompletionsWorkflow]);
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
		const { output, resultOf, report } = await runAgent(workflow, api, Object.keys(AGENT_EXAMPLE_SCRIPT));

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
		expect(String(output.output)).toMatch(/^Done\./);
		report();
	});

	it.each([
		['the Responses API', liveChatAgentWorkflow, 'responses'],
		['Chat Completions', liveChatChatCompletionsWorkflow, 'chat.completions'],
	] as const)('on %s: calls the Live Chat node on every platform as tools (Get Many or Get, Contact → Get, Message → Send where the platform can), and hands what each platform answered back to the model', async (_api, workflow, api) => {
		const script = LIVE_CHAT_AGENT_SCRIPT;
		const { output, resultOf, report } = await runAgent(workflow, api, Object.keys(script));
		const asked = (tool: string, name: string) => script[tool][name] as string;

		// LiveChat: the chat and customer the model named, its reply sent once; the chat's first words, the
		// customer's email and the ID the simulator gave the reply went back.
		const liveChat = simulator<LiveChatSimulator>('liveChat');
		const action = (name: string) => liveChat.requests.filter((request) => request.path === `/v3.6/agent/action/${name}`).map((request) => request.body);
		expect(action('get_chat')).toEqual([expect.objectContaining({ chat_id: asked('Get_LiveChat_conversation', 'conversationId') })]);
		expect(action('get_customer')).toEqual([expect.objectContaining({ id: asked('Get_LiveChat_contact', 'contactId') })]);
		expect(action('send_event')).toEqual([
			expect.objectContaining({
				chat_id: asked('Reply_on_LiveChat', 'conversationId'),
				event: expect.objectContaining({ text: asked('Reply_on_LiveChat', 'text') }),
			}),
		]);
		const events = liveChat.chats.get(asked('Get_LiveChat_conversation', 'conversationId'))!.threads.flatMap((thread) => thread.events);
		expect(resultOf('Get_LiveChat_conversation')).toContain(String(events.find((event) => event.type === 'message')!.text));
		expect(resultOf('Get_LiveChat_contact')).toContain(String(liveChat.customers.get(asked('Get_LiveChat_contact', 'contactId'))!.email));
		const reply = events.find((event) => event.text === asked('Reply_on_LiveChat', 'text'));
		expect(resultOf('Reply_on_LiveChat')).toContain(`"messageId":"${reply!.id}"`);

		// LiveAgent: the conversation and customer the model named, its reply sent once in the assigned
		// agent's name; the conversation's words and the customer's contact ID (the simulator's own) went back.
		const liveAgent = simulator<LiveAgentSimulator>('liveAgent');
		const conversationId = asked('Get_LiveAgent_conversation', 'conversationId');
		expect(liveAgent.requests.some((request) => request.method === 'GET' && request.path === `/api/conversations/${conversationId}`)).toBe(true);
		const conversation = liveAgent.conversations.find((candidate) => candidate.conversationid === conversationId)!;
		const said = conversation.groups.flatMap((group) => group.messages.map((message) => message.message));
		expect(said).toContain('this is test ticket');
		expect(resultOf('Get_LiveAgent_conversation')).toContain('this is test ticket');
		const customer = liveAgent.customers.find((candidate) => candidate.email === asked('Get_LiveAgent_contact', 'contactId'))!;
		expect(resultOf('Get_LiveAgent_contact')).toContain(`"contactId":"${customer.contactid}"`);
		const posts = liveAgent.requests.filter(
			(request) => request.method === 'POST' && request.path === `/api/conversations/${asked('Reply_on_LiveAgent', 'conversationId')}/messages`,
		);
		expect(posts.map((request) => request.body)).toEqual([
			expect.objectContaining({ message: asked('Reply_on_LiveAgent', 'text'), useridentifier: conversation.assignedto }),
		]);
		expect(conversation.groups.flatMap((group) => group.messages.map((message) => message.message))).toContain(asked('Reply_on_LiveAgent', 'text'));
		expect(resultOf('Reply_on_LiveAgent')).toContain(asked('Reply_on_LiveAgent', 'text'));

		// 5chat: as many conversations as the model asked for, with tokens only the simulator made; the visitor it named.
		const fiveChat = simulator<FiveChatSimulator>('fiveChat');
		expect(fiveChat.requests.some((request) => request.path === '/conversations')).toBe(true);
		const listed = fiveChat.conversations.filter((candidate) => resultOf('List_5chat_conversations').includes(`"conversationId":"${candidate.token}"`));
		expect(listed).toHaveLength(script.List_5chat_conversations.limit as number);
		const visitor = fiveChat.visitors.find((candidate) => candidate.token === asked('Get_5chat_contact', 'contactId'))!;
		expect(fiveChat.requests.filter((request) => request.path.startsWith('/visitors/')).map((request) => request.path)).toEqual([`/visitors/${visitor.token}`]);
		expect(resultOf('Get_5chat_contact')).toContain(`"email":"${visitor.email}"`);
		// its reply goes into the ticket the model named, once; the new message's ID comes back
		const ticket = fiveChat.tickets.find((candidate) => String(candidate.id) === asked('Reply_on_5chat', 'conversationId'))!;
		const added = ticket.messages.filter((message) => message.content === asked('Reply_on_5chat', 'text'));
		expect(added).toHaveLength(1);
		expect(fiveChat.count('POST')).toBe(1);
		expect(resultOf('Reply_on_5chat')).toContain(`"messageId":"${added[0].id}"`);

		// Social Intents: the chat the model named, read back with the visitor's name and words.
		const socialIntents = simulator<SocialIntentsSimulator>('socialIntents');
		const chatId = asked('Get_Social_Intents_conversation', 'conversationId');
		expect(socialIntents.requests.filter((request) => request.path === '/chats').map((request) => request.query.id)).toEqual([chatId]);
		expect(resultOf('Get_Social_Intents_conversation')).toContain(socialIntents.chats.find((chat) => chat.id === chatId)!.visitorName);
		expect(resultOf('Get_Social_Intents_conversation')).toContain('Hi I have a question about your service.');

		// Alive5: as many conversations as the model asked for, with session IDs only the simulator made.
		const alive5 = simulator<Alive5Simulator>('alive5');
		expect(alive5.requests.some((request) => request.path.startsWith('/conversations/'))).toBe(true);
		const sessions = alive5.conversations.filter((candidate) => resultOf('List_Alive5_conversations').includes(`"conversationId":"${candidate.alive5_sessionID}"`));
		expect(sessions).toHaveLength(script.List_Alive5_conversations.limit as number);
		// its reply: one SMS from the conversation's number to its customer in its agent's name; the
		// conversation had ended, so Alive5 opened a thread, whose session ID only the simulator knew
		const smsConversation = alive5.conversations.find((candidate) => candidate.alive5_sessionID === asked('Reply_on_Alive5', 'conversationId'))!;
		expect(alive5.sent).toEqual([
			{
				channel_id: smsConversation.channel_id,
				user_id: smsConversation.agent_id,
				phone_number_from: smsConversation.alive_sms_phone_number,
				phone_number_to: smsConversation.contacts_phone,
				message: asked('Reply_on_Alive5', 'text'),
			},
		]);
		const opened = alive5.conversations.find((candidate) => candidate.chat_conversation.some((message) => message.message_content === asked('Reply_on_Alive5', 'text')))!;
		expect(opened.alive5_sessionID).not.toBe(smsConversation.alive5_sessionID);
		expect(resultOf('Reply_on_Alive5')).toContain(`"conversationId":"${opened.alive5_sessionID}"`);

		expect(String(output.output)).toMatch(/^Done\./);
		report();
	});
});
