/**
 * The Live Chat node's sandbox examples (test/e2e/fixtures/anyLiveChat.<platform>.workflow.json) in real
 * n8n, each against its platform's simulator: every node answers in the normalized shapes, Get reads
 * back what Get Many listed, Contact → Get the visitor of that conversation, and a reply lands in it once.
 * The Live Chat Trigger's examples in the same group start at a trigger and are run elsewhere.
 */
import type { Simulator } from '../simulators/base';
import type { LiveChatSimulator } from '../simulators/liveChat';
import type { LiveAgentSimulator } from '../simulators/liveAgent';
import { PLATFORMS } from '../../nodes/shared/platforms';
import type { Transcript } from '../../nodes/shared/transcript';
import { fixtures, itemsOf, N8nHost, type Workflow } from './n8n';
import { LIVE_CHAT_EXAMPLES, platformOf, sandboxSpecs } from './sandbox';

const NODE = 'n8n-nodes-live-chat.anyLiveChat';
const vendors = sandboxSpecs().map((spec) => ({ spec, simulator: spec.create() as Simulator }));
const examples = fixtures(LIVE_CHAT_EXAMPLES).filter((workflow) => workflow.nodes.some((node) => node.type === NODE));
let host: N8nHost;

/** Matches a string or null: what a platform may not tell. */
const textOrNull = {
	asymmetricMatch: (value: unknown) => value === null || typeof value === 'string',
	toAsymmetricMatcher: () => 'string | null',
};

/** Where a platform keeps a conversation's messages: the texts of one, as its simulator holds them. */
const heldTexts: Record<string, (simulator: Simulator, conversationId: string) => string[]> = {
	liveChat: (simulator, id) =>
		(simulator as LiveChatSimulator).chats.get(id)!.threads.flatMap((thread) => thread.events.map((event) => String(event.text ?? ''))),
	liveAgent: (simulator, id) =>
		(simulator as LiveAgentSimulator).conversations
			.find((conversation) => conversation.conversationid === id)!
			.groups.flatMap((group) => group.messages.map((message) => message.message)),
};

beforeAll(async () => {
	for (const { simulator } of vendors) await simulator.start();
	host = await N8nHost.withPackage();
	await host.importCredentials(vendors.flatMap(({ spec, simulator }) => spec.credentials(simulator as never)));
	await host.importWorkflows(examples);
});

afterAll(async () => {
	await host?.stop();
	for (const { simulator } of vendors) await simulator.stop();
});

/** The example's Live Chat nodes in the order they run (each the next one's input). */
function chain(workflow: Workflow): Array<Workflow['nodes'][number]> {
	const connections = workflow.connections as Record<string, { main: Array<Array<{ node: string }>> }>;
	const order = [];
	let name = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger')!.name as string;
	while (connections[name]) {
		name = connections[name].main[0][0].node;
		order.push(workflow.nodes.find((node) => node.name === name)!);
	}
	return order;
}

describe('the Live Chat node in real n8n', () => {
	it('has an example for every platform of the node', () => {
		// not every sandbox is a platform (LiveAgent v3 is not)
		expect(examples.map(platformOf).sort()).toEqual(PLATFORMS.map((platform) => platform.key).sort());
	});

	it.each(examples.map((workflow) => [platformOf(workflow)!, workflow] as const))('runs its %s example against that sandbox, in the normalized shapes', async (platform, workflow) => {
		const { simulator } = vendors.find(({ spec }) => spec.key === platform)!;
		for (const vendor of vendors) vendor.simulator.reset();
		const { status, run } = await host.execute(workflow.id);
		expect(run.data.resultData.error).toBeUndefined();
		expect(status).toBe(0);
		const runData = run.data.resultData.runData;
		// only its own platform's sandbox was asked
		for (const vendor of vendors) expect({ vendor: vendor.spec.key, asked: vendor.simulator.requests.length > 0 }).toEqual({ vendor: vendor.spec.key, asked: vendor.simulator === simulator });

		const nodes = chain(workflow);
		expect(nodes.length).toBeGreaterThan(0);
		let listed: Transcript[] = [];
		let read: Transcript | undefined;
		const done: string[] = [];
		for (const node of nodes) {
			const parameters = node.parameters as { resource: string; operation: string; limit?: number; filters?: { statuses?: string[] }; text?: string };
			const items = itemsOf(runData, String(node.name));
			done.push(`${parameters.resource}.${parameters.operation}`);
			for (const item of items) expect(item.vendor).toBe(platform);
			switch (`${parameters.resource}.${parameters.operation}`) {
				case 'conversation.getAll':
					listed = items as unknown as Transcript[];
					expect(listed.length).toBeGreaterThan(0);
					expect(listed.length).toBeLessThanOrEqual(parameters.limit!);
					expect(new Set(listed.map((transcript) => transcript.conversationId)).size).toBe(listed.length);
					for (const transcript of listed) {
						expect(transcript.messages.length).toBeGreaterThan(0);
						if (parameters.filters?.statuses) expect(parameters.filters.statuses).toContain(transcript.status);
					}
					break;
				case 'conversation.get':
					// executed once, for the first conversation listed: the same transcript
					expect(items).toEqual([listed[0]]);
					read = items[0] as unknown as Transcript;
					break;
				case 'contact.get':
					expect(items).toEqual([{ vendor: platform, contactId: expect.any(String), name: read!.visitor.name, email: read!.visitor.email, phone: textOrNull }]);
					break;
				case 'message.send': {
					expect(items).toEqual([{ vendor: platform, conversationId: read!.conversationId, messageId: textOrNull, text: parameters.text }]);
					// in the conversation once, and not there before
					expect(read!.messages.map((message) => message.text)).not.toContain(parameters.text);
					expect(heldTexts[platform](simulator, read!.conversationId).filter((text) => text === parameters.text)).toHaveLength(1);
					break;
				}
				default:
					throw new Error(`no check for ${node.name as string}`);
			}
		}
		expect(done[0]).toBe('conversation.getAll');
	});
});
