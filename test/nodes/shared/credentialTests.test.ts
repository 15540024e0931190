/**
 * Every credential type's test, run as n8n's credentials tester runs it (test/engine/credentialTest.ts):
 * the right key passes; a wrong key fails with a message saying the key is wrong; an address that
 * answers every path with HTTP 200 and a web page (the vendor's web app pasted instead of its API), or
 * with JSON of another service, fails with a message saying the address is wrong. No answer shows the key.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { testCredential } from '../../engine/credentialTest';
import type { Simulator } from '../../simulators/base';
import { simulatedVendors } from '../../simulators/base';

interface Case {
	type: string;
	simulator: Simulator;
	/** The credential's data for the simulator at `baseUrl`. */
	data: (baseUrl: string) => ICredentialDataDecryptedObject;
	/** The same with the secret replaced by a wrong one. */
	wrong: (data: ICredentialDataDecryptedObject) => ICredentialDataDecryptedObject;
	secret: () => string;
	/** 5chat documents no field of its answer: another service's JSON cannot be told from it. */
	knowsItsAnswer: boolean;
}

const WRONG = 'wrong-secret-0000';

const vendors = simulatedVendors().map((vendor) => ({ vendor, simulator: vendor.create() }));

/** Every credential type of every simulated vendor: its sandbox credentials, and any other it declares. */
const cases: Case[] = vendors.flatMap(({ vendor, simulator }) => {
	const knowsItsAnswer = !vendor.credentialAnswerUndocumented;
	const sandboxCases = vendor.credentials(simulator).map((credential, index): Case => {
		const addressField = 'url' in credential.data ? 'url' : 'baseUrl';
		// read when the simulator runs: its address and secret are known then
		const current = () => vendor.credentials(simulator)[index].data as ICredentialDataDecryptedObject;
		return {
			type: credential.type,
			simulator,
			data: (baseUrl) => ({ ...current(), [addressField]: baseUrl }),
			wrong: (data) => ({ ...data, [vendor.secretField]: WRONG }),
			secret: () => String(current()[vendor.secretField]),
			knowsItsAnswer,
		};
	});
	const otherCases = (vendor.otherCredentials?.(simulator) ?? []).map(
		(credential, index): Case => ({
			type: credential.type,
			simulator,
			data: (baseUrl) => ({ ...vendor.otherCredentials!(simulator)[index].data, baseUrl }),
			wrong: (data) => credential.wrong(data, WRONG),
			secret: () => credential.secret,
			knowsItsAnswer,
		}),
	);
	return [...sandboxCases, ...otherCases];
});

/** A web app: every path answers HTTP 200, with a web page or with another service's JSON. */
function webApp(body: string, contentType: string): Promise<{ server: Server; url: string }> {
	const server = createServer((_request, response) => {
		response.writeHead(200, { 'content-type': contentType });
		response.end(body);
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

let page: { server: Server; url: string };
let otherJson: { server: Server; url: string };

beforeAll(async () => {
	for (const simulator of new Set(cases.map((c) => c.simulator))) await simulator.start();
	page = await webApp('<!doctype html><html><body>Sign in</body></html>', 'text/html; charset=utf-8');
	otherJson = await webApp('{"ok":true,"service":"something else"}', 'application/json');
});

afterAll(async () => {
	for (const simulator of new Set(cases.map((c) => c.simulator))) await simulator.stop();
	page.server.close();
	otherJson.server.close();
});

describe.each(cases.map((c) => [c.type, c] as const))('%s credential test', (_type, c) => {
	it('passes with the right key at the API address', async () => {
		expect(await testCredential(c.type, c.data(c.simulator.baseUrl))).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	it('fails with a wrong key, saying so, without the key', async () => {
		const data = c.wrong(c.data(c.simulator.baseUrl));
		const result = await testCredential(c.type, data);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/key|token|authentication/i);
		expect(result.message).not.toMatch(/Wrong address/);
		expect(JSON.stringify(result)).not.toContain(WRONG);
	});

	it('fails on an address that answers 200 with a web page: wrong address, no key shown', async () => {
		const result = await testCredential(c.type, c.data(page.url));
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^Wrong address: .* answered with a web page/) });
		expect(JSON.stringify(result)).not.toContain(c.secret());
	});

	if (c.knowsItsAnswer) {
		it("fails on an address that answers 200 with another service's JSON: wrong address", async () => {
			const result = await testCredential(c.type, c.data(otherJson.url));
			expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^Wrong address: .* answered JSON, but not as/) });
		});
	}
});

const refusingInBody = vendors.flatMap(({ vendor, simulator }) => {
	const refusal = vendor.keyRefusedInBody;
	const [credential] = vendor.credentials(simulator);
	return refusal ? [[credential.type, vendor, simulator, refusal] as const] : [];
});

describe.each(refusingInBody)('%s credential test when the vendor refuses the key inside an HTTP 200', (type, vendor, simulator, refusal) => {
	afterEach(() => refusal.set(simulator, false));

	it('{"code":400,"error":"Invalid token"} in a 200 fails as a wrong key', async () => {
		refusal.set(simulator, true);
		const data = vendor.credentials(simulator)[0].data as ICredentialDataDecryptedObject;
		const result = await testCredential(type, { ...data, [vendor.secretField]: WRONG });
		expect(result).toEqual({ status: 'Error', message: refusal.message });
	});
});
