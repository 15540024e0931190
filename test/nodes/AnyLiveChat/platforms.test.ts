/**
 * The Live Chat node (issue 21) run by n8n-core against every vendor's simulator: the same
 * parameters on each platform give the same normalized shapes, and an operation a platform cannot do
 * is named in the editor and refused before any request. Platforms come from the node's one list,
 * simulators from test/simulators (simulatedVendor), so a sixth vendor is tested here unchanged.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { runNode } from '../../engine/harness';
import { nodeTypeByName, PACKAGE } from '../../engine/registry';
import type { EngineCredentials, Simulator } from '../../simulators/base';
import { simulatedVendor } from '../../simulators/base';
import type { Alive5Simulator } from '../../simulators/alive5';
import type { FiveChatSimulator } from '../../simulators/fiveChat';
import type { PlatformOperation } from '../../../nodes/shared/platform';
import { PLATFORM_OPERATIONS, supports } from '../../../nodes/shared/platform';
import { PLATFORMS } from '../../../nodes/shared/platforms';
import type { Transcript } from '../../../nodes/shared/transcript';

const STATUSES = ['open', 'closed', 'missed', 'offline'];
const OPERATIONS = Object.keys(PLATFORM_OPERATIONS) as PlatformOperation[];

const running = new Map<string, { simulator: Simulator; credentials: EngineCredentials }>();

beforeAll(async () => {
	for (const platform of PLATFORMS) {
		const vendor = simulatedVendor(platform.key);
		const simulator = vendor.create();
		await simulator.start();
		const credentials = Object.fromEntries(vendor.credentials(simulator).map((credential) => [credential.type, credential.data])) as EngineCredentials;
		running.set(platform.key, { simulator, credentials });
	}
});
afterAll(async () => {
	for (const { simulator } of running.values()) await simulator.stop();
});
beforeEach(() => {
	for (const { simulator } of running.values()) simulator.reset();
});

function run(platform: string, parameters: IDataObject, options: { continueOnFail?: boolean; input?: IDataObject[] } = {}) {
	const { credentials } = running.get(platform)!;
	return runNode({ type: 'anyLiveChat', parameters: { platform, ...parameters }, credentials, continueOnFail: options.continueOnFail }, options.input);
}

/** Matches a string or null: what the transcript says a vendor may not tell. */
const textOrNull = {
	asymmetricMatch: (value: unknown) => value === null || typeof value === 'string',
	toAsymmetricMatcher: () => 'string | null',
};

const getMany = (extra: IDataObject = {}) => ({ resource: 'conversation', operation: 'getAll', ...extra });

function expectTranscript(json: IDataObject, vendor: string): void {
	expect(json).toEqual({
		vendor,
		conversationId: expect.any(String),
		channel: expect.any(String),
		startedAt: textOrNull,
		endedAt: textOrNull,
		status: expect.stringMatching(new RegExp(`^(${STATUSES.join('|')})$`)),
		visitor: { id: textOrNull, name: textOrNull, email: textOrNull, phone: textOrNull },
		agents: expect.any(Array),
		tags: expect.any(Array),
		messages: expect.any(Array),
	});
	expect(json.conversationId).not.toBe('');
}

const startOf = (json: IDataObject) => String((json as Transcript).startedAt ?? '');

describe.each(PLATFORMS.map((platform) => [platform.name, platform] as const))('%s', (_name, platform) => {
	it('Conversation → Get Many with a Limit: that many normalized transcripts', async () => {
		const { items, error } = await run(platform.key, getMany({ returnAll: false, limit: 2 }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		for (const item of items) {
			expectTranscript(item.json, platform.key);
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	it('Conversation → Get Many with Return All: every conversation once, the Limit run its first ones', async () => {
		const all = await run(platform.key, getMany({ returnAll: true }));
		expect(all.error).toBeUndefined();
		const ids = all.items.map((item) => item.json.conversationId);
		expect(ids.length).toBeGreaterThan(2);
		expect(new Set(ids).size).toBe(ids.length);
		for (const item of all.items) expectTranscript(item.json, platform.key);
		const limited = await run(platform.key, getMany({ returnAll: false, limit: 2 }));
		expect(limited.items.map((item) => item.json.conversationId)).toEqual(ids.slice(0, 2));
	});

	it('Conversation → Get Many filtered by start time and status: only those', async () => {
		const all = (await run(platform.key, getMany({ returnAll: true }))).items.map((item) => item.json as Transcript);
		const dated = all.filter((transcript) => transcript.startedAt).map((transcript) => transcript.startedAt!).sort();
		const from = dated[Math.floor(dated.length / 2)];
		const { items, error } = await run(platform.key, getMany({ returnAll: true, filters: { from } }));
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) expect(startOf(item.json) >= from).toBe(true);
		expect(items.length).toBe(all.filter((transcript) => !transcript.startedAt || transcript.startedAt >= from).length);

		const status = all[0].status;
		const byStatus = await run(platform.key, getMany({ returnAll: true, filters: { statuses: [status] } }));
		expect(byStatus.error).toBeUndefined();
		expect(byStatus.items.map((item) => item.json.conversationId)).toEqual(all.filter((t) => t.status === status).map((t) => t.conversationId));
	});

	const canGet = supports(platform, 'conversation.get');
	if (canGet) it('Conversation → Get: the conversation Get Many listed, the same transcript', async () => {
		const listed = (await run(platform.key, getMany({ returnAll: false, limit: 1 }))).items[0].json;
		const { items, error } = await run(platform.key, { resource: 'conversation', operation: 'get', conversationId: listed.conversationId });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expectTranscript(items[0].json, platform.key);
		expect(items[0].json).toEqual(listed);
	});

	if (canGet) it('Conversation → Get of an unknown ID: the API’s not-found; with continueOnFail an error item per input item', async () => {
		const failed = await run(platform.key, { resource: 'conversation', operation: 'get', conversationId: 'NO_SUCH_CONVERSATION' });
		expect(failed.error).toBeDefined();
		const kept = await run(platform.key, { resource: 'conversation', operation: 'get', conversationId: '={{ $json.id }}' }, { continueOnFail: true, input: [{ id: 'NO_SUCH_ONE' }, { id: 'NO_SUCH_TWO' }] });
		expect(kept.error).toBeUndefined();
		expect(kept.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		for (const item of kept.items) expect(item.json.error).toEqual(expect.any(String));
	});

	if (supports(platform, 'contact.get')) it('Contact → Get: the visitor of a conversation, normalized', async () => {
		const listed = (await run(platform.key, getMany({ returnAll: true }))).items.map((item) => item.json as Transcript);
		const withVisitor = listed.find((transcript) => transcript.visitor.id ?? transcript.visitor.email)!;
		expect(withVisitor).toBeDefined();
		const contactId = withVisitor.visitor.id ?? withVisitor.visitor.email!;
		const { items, error } = await run(platform.key, { resource: 'contact', operation: 'get', contactId });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			vendor: platform.key,
			contactId: expect.any(String),
			name: textOrNull,
			email: textOrNull,
			phone: textOrNull,
		});
		if (withVisitor.visitor.email) expect(items[0].json.email).toBe(withVisitor.visitor.email);
	});

	// a platform whose Send writes elsewhere (5chat's tickets, Alive5's SMS) has its own tests below
	if (supports(platform, 'message.send') && !platform.sendTarget) it('Message → Send: reaches the platform once, and the conversation then holds it', async () => {
		const { simulator } = running.get(platform.key)!;
		const open = (await run(platform.key, getMany({ returnAll: true, filters: { statuses: ['open'] } }))).items[0].json as Transcript;
		expect(open).toBeDefined();
		const before = simulator.count('POST');
		const text = `Thanks for waiting, ${Date.now()}`;
		const { items, error } = await run(platform.key, { resource: 'message', operation: 'send', conversationId: open.conversationId, text });
		expect(error).toBeUndefined();
		expect(simulator.count('POST') - before).toBe(1);
		expect(items[0].json).toMatchObject({ vendor: platform.key, conversationId: open.conversationId, text });
		const after = (await run(platform.key, { resource: 'conversation', operation: 'get', conversationId: open.conversationId })).items[0].json as Transcript;
		expect(after.messages.some((message) => message.text === text && message.authorRole === 'agent')).toBe(true);
	});

	it('Request Options → Timeout: a platform that stops answering fails after it, as a NodeApiError; with continueOnFail an error item', async () => {
		const { simulator } = running.get(platform.key)!;
		simulator.inject({ kind: 'hang', pathPattern: '.*' });
		const started = Date.now();
		const { error } = await run(platform.key, getMany({ requestOptions: { timeout: 300 } }));
		expect(error?.name).toBe('NodeApiError');
		expect(Date.now() - started).toBeLessThan(10_000);
		simulator.reset();
		simulator.inject({ kind: 'hang', pathPattern: '.*' });
		const kept = await run(platform.key, getMany({ requestOptions: { timeout: 300 } }), { continueOnFail: true });
		expect(kept.error).toBeUndefined();
		expect(kept.items.map((item) => typeof item.json.error)).toEqual(['string']);
	});

	const unsupported = OPERATIONS.filter((operation) => !supports(platform, operation));
	if (unsupported.length) it('an operation it cannot do: a notice in the editor, a NodeOperationError naming both, and no request', async () => {
		const properties = nodeTypeByName(`${PACKAGE}.anyLiveChat`).description.properties;
		const { simulator } = running.get(platform.key)!;
		for (const wanted of unsupported) {
			const [resource, operation] = wanted.split('.');
			const notice = properties.find(
				(property: INodeProperties) =>
					property.type === 'notice' &&
					property.displayOptions?.show?.platform?.includes(platform.key) &&
					property.displayOptions.show.resource?.includes(resource) &&
					property.displayOptions.show.operation?.includes(operation),
			);
			expect(notice?.displayName).toContain(platform.name);
			const before = simulator.requests.length;
			const { error, items } = await run(platform.key, { resource, operation, conversationId: 'C1', contactId: 'V1', text: 'Hi' });
			expect(items).toHaveLength(0);
			const shown = `${resource[0].toUpperCase()}${resource.slice(1)} → ${operation === 'getAll' ? 'Get Many' : `${operation[0].toUpperCase()}${operation.slice(1)}`}`;
			expect(error?.message).toBe(`${platform.name} cannot do ${shown}`);
			expect(notice?.displayName).toContain(`${platform.name} cannot do ${shown}`);
			expect(error?.name).toBe('NodeOperationError');
			expect(simulator.requests.length).toBe(before);
		}
	});
});

describe('the node', () => {
	it('is programmatic (it dispatches to the platforms from code), usable as a tool, with a tool description per operation', () => {
		const node = nodeTypeByName(`${PACKAGE}.anyLiveChat`);
		expect(node.execute).toEqual(expect.any(Function));
		expect(node.description.requestDefaults).toBeUndefined();
		expect(node.description.usableAsTool).toBe(true);
		const operations = node.description.properties.filter((property) => property.name === 'operation');
		expect(operations).toHaveLength(3);
		for (const property of operations) {
			for (const option of property.options as Array<{ action?: string; description?: string }>) {
				expect(option.action).toEqual(expect.any(String));
				expect(option.description!.length).toBeGreaterThan(30);
			}
		}
	});

	it('shows each platform’s credential only while that platform is chosen', () => {
		const description = nodeTypeByName(`${PACKAGE}.anyLiveChat`).description;
		for (const platform of PLATFORMS) {
			for (const credential of platform.credentials) {
				const shown = description.credentials!.find((candidate) => candidate.name === credential.name);
				expect(shown?.displayOptions?.show?.platform).toEqual([platform.key]);
			}
		}
	});
});

describe('LiveAgent', () => {
	it('Message → Send into a conversation no agent is assigned to: refused before any write, naming what to do', async () => {
		const { simulator } = running.get('liveAgent')!;
		const all = (await run('liveAgent', getMany({ returnAll: true }))).items.map((item) => item.json as Transcript);
		const unassigned = all.find((transcript) => transcript.agents.length === 0)!;
		expect(unassigned).toBeDefined();
		const { error } = await run('liveAgent', { resource: 'message', operation: 'send', conversationId: unassigned.conversationId, text: 'Hello' });
		expect(error?.message).toBe(`LiveAgent conversation ${unassigned.conversationId} has no agent assigned to reply in the name of`);
		expect(simulator.count('POST')).toBe(0);
	});
});

describe('5chat', () => {
	const simulator = () => running.get('fiveChat')!.simulator as FiveChatSimulator;

	it('Message → Send: one message added to the ticket, its ID returned; the editor says Send goes into tickets', async () => {
		const ticket = simulator().tickets[0];
		const before = ticket.messages.length;
		const text = `We are on it, ${Date.now()}`;
		const { items, error } = await run('fiveChat', { resource: 'message', operation: 'send', conversationId: String(ticket.id), text });
		expect(error).toBeUndefined();
		expect(simulator().count('POST')).toBe(1);
		expect(simulator().count('POST', `/tickets/${ticket.id}/messages`)).toBe(1);
		expect(ticket.messages).toHaveLength(before + 1);
		const added = ticket.messages[before];
		expect(added.content).toBe(text);
		expect(items.map((item) => item.json)).toEqual([{ vendor: 'fiveChat', conversationId: String(ticket.id), messageId: added.id, text }]);
		const properties = nodeTypeByName(`${PACKAGE}.anyLiveChat`).description.properties;
		const notice = properties.find((property: INodeProperties) => property.name === 'notice_fiveChat_sendTarget');
		expect(notice?.displayOptions?.show).toEqual({ platform: ['fiveChat'], resource: ['message'], operation: ['send'] });
		expect(notice?.displayName).toContain('ticket');
	});

	it('Message → Send to an unknown ticket: 5chat’s own not-found as a NodeApiError, sent once', async () => {
		const { error } = await run('fiveChat', { resource: 'message', operation: 'send', conversationId: 'no-such-ticket', text: 'Hello' });
		expect(error?.name).toBe('NodeApiError');
		expect(String((error as { httpCode?: string }).httpCode)).toBe('404');
		expect(simulator().count('POST')).toBe(1);
	});
});

describe('Alive5', () => {
	const simulator = () => running.get('alive5')!.simulator as Alive5Simulator;
	const smsConversations = async () =>
		(await run('alive5', getMany({ returnAll: true }))).items.map((item) => item.json as Transcript).filter((transcript) => transcript.channel === 'sms');

	it('Message → Send into an open SMS conversation: one SMS from its number to its customer in its agent’s name, then in the conversation', async () => {
		// the seeded SMS conversations have all ended: one goes on
		simulator().conversations.find((candidate) => candidate.kind === 'sms')!.endMs = null;
		const conversation = (await smsConversations()).find((transcript) => transcript.status === 'open')!;
		expect(conversation).toBeDefined();
		const stored = simulator().conversations.find((candidate) => candidate.alive5_sessionID === conversation.conversationId)!;
		const text = `Your order shipped, ${Date.now()}`;
		const { items, error } = await run('alive5', { resource: 'message', operation: 'send', conversationId: conversation.conversationId, text });
		expect(error).toBeUndefined();
		expect(simulator().count('POST')).toBe(1);
		expect(simulator().sent).toEqual([
			{
				channel_id: stored.channel_id,
				user_id: stored.agent_id,
				phone_number_from: stored.alive_sms_phone_number,
				phone_number_to: stored.contacts_phone,
				message: text,
			},
		]);
		expect(items.map((item) => item.json)).toEqual([{ vendor: 'alive5', conversationId: conversation.conversationId, messageId: expect.any(String), text }]);
		const after = (await smsConversations()).find((transcript) => transcript.conversationId === conversation.conversationId)!;
		expect(after.messages.some((message) => message.text === text && message.authorRole === 'agent')).toBe(true);
	});

	it('Message → Send into a closed SMS conversation: Alive5 opens a new thread, whose ID the result gives', async () => {
		const closed = (await smsConversations()).find((transcript) => transcript.status === 'closed')!;
		expect(closed).toBeDefined();
		const text = `Following up, ${Date.now()}`;
		const { items, error } = await run('alive5', { resource: 'message', operation: 'send', conversationId: closed.conversationId, text });
		expect(error).toBeUndefined();
		expect(simulator().sent).toHaveLength(1);
		const threadId = String(items[0].json.conversationId);
		expect(threadId).not.toBe(closed.conversationId);
		const thread = (await smsConversations()).find((transcript) => transcript.conversationId === threadId)!;
		expect(thread.messages.map((message) => message.text)).toEqual([text]);
	});

	it('Message → Send into a conversation that is not a recent SMS one (a live chat, an unknown ID): refused naming why, nothing sent', async () => {
		const all = (await run('alive5', getMany({ returnAll: true }))).items.map((item) => item.json as Transcript);
		const web = all.find((transcript) => transcript.channel === 'web')!;
		expect(web).toBeDefined();
		for (const conversationId of [web.conversationId, 'no-such-conversation']) {
			const { error } = await run('alive5', { resource: 'message', operation: 'send', conversationId, text: 'Hello' });
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toBe(`Alive5 has no SMS conversation ${conversationId} among its recent SMS conversations`);
		}
		expect(simulator().count('POST')).toBe(0);
		expect(simulator().sent).toHaveLength(0);
	});

	it('Message → Send into an SMS conversation with no agent: refused naming the missing field, nothing sent', async () => {
		const stored = simulator().conversations.find((candidate) => candidate.kind === 'sms')!;
		stored.agent_id = '';
		const { error } = await run('alive5', { resource: 'message', operation: 'send', conversationId: stored.alive5_sessionID, text: 'Hello' });
		expect(error?.message).toBe(`Alive5 SMS conversation ${stored.alive5_sessionID} does not tell user_id, which a reply needs`);
		expect(simulator().count('POST')).toBe(0);
	});
});

describe.each(PLATFORMS.map((platform) => [platform.name, platform] as const))('%s: bad input, refused naming the parameter before any request', (_name, platform) => {
	const cases: Array<[string, IDataObject, string]> = [
		['an empty Conversation ID', { resource: 'conversation', operation: 'get', conversationId: '={{ "" }}' }, 'Conversation ID is required'],
		['an empty Contact ID', { resource: 'contact', operation: 'get', contactId: '={{ "" }}' }, 'Contact ID is required'],
		['an empty Text', { resource: 'message', operation: 'send', conversationId: 'C1', text: '={{ "  " }}' }, 'Text is required'],
		['an impossible date', getMany({ filters: { from: '2024-02-30T10:00:00Z' } }), 'Filters → Started After is not a valid date'],
		['text for the Limit', getMany({ returnAll: false, limit: '={{ "twelve" }}' }), 'Limit must be a number'],
		['an unknown status', getMany({ filters: { statuses: ['pending'] } }), 'Filters → Status must be among open, closed, missed, offline, not pending'],
	];
	it.each(cases.filter(([, parameters]) => supports(platform, operationOf(parameters))))('%s', async (_what, parameters, message) => {
		const { simulator } = running.get(platform.key)!;
		const { error } = await run(platform.key, parameters);
		expect(error?.message).toContain(message);
		expect(simulator.requests.length).toBe(0);
	});
});

function operationOf(parameters: IDataObject): PlatformOperation {
	return `${String(parameters.resource)}.${String(parameters.operation)}` as PlatformOperation;
}
