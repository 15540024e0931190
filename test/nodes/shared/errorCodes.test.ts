/**
 * What the editor shows for a failed run (issue 19). A refusal of our own, before any request, has
 * no HTTP code: n8n's declarative engine would wrap it with the code "none", printed as "Error code
 * none" (nodes/shared/errors.ts, refusalsWithoutErrorCode). A vendor's failure keeps the vendor's
 * HTTP status, LiveAgent's included.
 */
import type { INode } from 'n8n-workflow';

import { redactedError } from '../../../nodes/LiveAgent/helpers/redact';
import { vendorApiError } from '../../../nodes/shared/errors';
import { secretsOf } from '../../../nodes/shared/redact';
import { runNode } from '../../engine/harness';
import type { Simulator } from '../../simulators/base';
import { simulatedVendors } from '../../simulators/base';
import type { LiveAgentSimulator } from '../../simulators/liveAgent';

const vendors = simulatedVendors().map((vendor) => ({ vendor, simulator: vendor.create() }));
const simulators: Simulator[] = vendors.map(({ simulator }) => simulator);
// the LiveAgent tests below
const liveAgent = vendors.find(({ vendor }) => vendor.key === 'liveAgent')!.simulator as LiveAgentSimulator;

beforeAll(async () => {
	for (const simulator of simulators) await simulator.start();
});
afterAll(async () => {
	for (const simulator of simulators) await simulator.stop();
});
beforeEach(() => simulators.forEach((simulator) => simulator.reset()));

/** Each vendor's refusal before any request, as its simulator declares it. */
const cases = vendors.map(({ vendor, simulator }) => [
	vendor.name,
	() => ({
		type: vendor.nodeType,
		parameters: vendor.refusal.parameters,
		credentials: Object.fromEntries(vendor.credentials(simulator).map((credential) => [credential.type, credential.data])) as Record<string, Record<string, string>>,
	}),
	simulator,
	vendor.refusal.message,
] as const);

describe('a refusal before any request', () => {
	it.each(cases)('%s: says what is wrong, with no error code ("none" in the editor)', async (_vendor, spec, simulator, message) => {
		const { error } = await runNode(spec());
		expect(error?.message).toBe(message);
		expect(error?.httpCode ?? null).toBeNull();
		expect(simulator.requests).toHaveLength(0);
	});
});

describe("LiveAgent's failures keep the vendor's HTTP status", () => {
	const node = { name: 'LiveAgent', type: 'n8n-nodes-live-chat.liveAgent', typeVersion: 1, position: [0, 0], parameters: {} } as INode;

	it('reads a status n8n gives as a number, or only as statusCode', () => {
		expect((redactedError(node, { message: 'Not found', httpCode: 404 }) as Error & { httpCode?: string }).httpCode).toBe('404');
		expect((redactedError(node, { message: 'Busy', statusCode: 503 }) as Error & { httpCode?: string }).httpCode).toBe('503');
		expect((redactedError(node, { message: 'Gone', response: { status: 410 } }) as Error & { httpCode?: string }).httpCode).toBe('410');
	});

	it('gives no code, never "none", when no answer came', () => {
		const error = redactedError(node, { message: 'connect ECONNREFUSED', code: 'ECONNREFUSED' }) as Error & { httpCode?: string | null };
		// n8n words a refused connection itself
		expect(error.message).toBe('The service refused the connection - perhaps it is offline');
		expect(error.httpCode ?? null).toBeNull();
	});

	it('a wrong key in a run shows 401 and what to do', async () => {
		const { error } = await runNode({
			type: 'liveAgent',
			parameters: { resource: 'application', operation: 'getStatus' },
			credentials: { liveAgentApi: { url: liveAgent.baseUrl, apiKey: 'not-the-key' } },
		});
		expect(error?.httpCode).toBe('401');
		expect(error?.description).toBe('Forbidden: the API key is wrong. Check the LiveAgent credential.');
	});
});

describe("A vendor's failure never shows the credential it was sent", () => {
	const node = { name: 'Social Intents', type: 'n8n-nodes-live-chat.socialIntents', typeVersion: 1, position: [0, 0], parameters: {} } as INode;

	it('redacts the secret values of the credential and any apikey= from message and description', () => {
		const secrets = secretsOf({ baseUrl: 'https://example.test', apiKey: 'sk-0123456789', oauthTokenData: { access_token: 'tok-abcdefgh' } });
		expect(secrets).toEqual(['sk-0123456789', 'tok-abcdefgh']);
		const error = vendorApiError.call(
			{ getNode: () => node },
			{ httpCode: 401, message: 'Social Intents: key sk-0123456789 is not valid', description: 'sent ?apikey=other&x=1 with tok-abcdefgh' },
			undefined,
			secrets,
		);
		expect(error.message).toBe('Social Intents: key *** is not valid');
		expect(error.description).toBe('sent ?apikey=***&x=1 with ***');
	});
});
