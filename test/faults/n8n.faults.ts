/**
 * Secrets in real n8n: the packed package in the pinned n8n, every vendor's credential holding a
 * canary, the action fixtures and a workflow of failing requests (401, 500, connection reset, a wrong
 * secret) run over REST, and a credential test per vendor. Everything n8n hands back is scanned for
 * every form of every canary: its stdout and stderr, the execution data read over REST, the error
 * messages in it, and the credential tests' answers. Each hit counts as leaked in the ledger.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import type { SandboxCredential, Simulator } from '../simulators/base';
import { credentialsWithSecret } from '../simulators/base';
import { OpenAiStandIn, openAiStandInCredential } from '../simulators/openAi';
import { N8nHost, PACKAGE, ROOT } from '../e2e/n8n';
import type { Workflow } from '../e2e/n8n';
import { record } from './ledger';
import { vendors } from './vendors';

/** Characters that URL- and form-encoding change, so that each form differs from the raw one. */
const canaryOf = (vendor: string, kind: string) => `CANARY+${vendor}/${kind}=7f3a`;

interface RealVendor {
	key: string;
	simulator: Simulator;
	/** The credentials the fixtures name, holding the canary. */
	credentials: SandboxCredential[];
	/** A credential of the same type with a wrong secret (itself a canary). */
	wrong: SandboxCredential;
	/** Each secret, with the user it is paired with when the vendor authenticates with Basic auth. */
	secrets: Array<{ value: string; basicUser?: string }>;
}

function wrongOf(credential: SandboxCredential, field: string, key: string): SandboxCredential {
	return {
		...credential,
		id: `wrong${key}`.padEnd(16, '0').slice(0, 16),
		name: `${credential.name} (wrong secret)`,
		data: { ...credential.data, [field]: canaryOf(key, 'wrong') },
	};
}

/** Each declared vendor's simulator, started with a canary as its secret, and credentials holding it. */
function startVendors(): Array<() => Promise<RealVendor>> {
	return vendors.map(({ key, declared }) => async () => {
		const right = canaryOf(key, 'right');
		const simulator = declared.withSecret(right);
		await simulator.start();
		const credentials = credentialsWithSecret(declared, simulator, right);
		const basicUser = declared.basicUser?.(simulator);
		return {
			key, simulator, credentials, wrong: wrongOf(credentials[0], declared.secretField, key),
			secrets: [{ value: right, basicUser }, { value: canaryOf(key, 'wrong'), basicUser }],
		};
	});
}

/** Every form a secret can take on the way out: raw, URL- and form-encoded, and Basic auth's base64. */
export function canaryForms(secret: { value: string; basicUser?: string }): Array<{ form: string; text: string }> {
	const forms = [
		{ form: 'raw', text: secret.value },
		{ form: 'URL-encoded', text: encodeURIComponent(secret.value) },
		{ form: 'form-encoded', text: new URLSearchParams({ s: secret.value }).toString().slice(2) },
		{ form: 'JSON-escaped', text: JSON.stringify(secret.value).slice(1, -1) },
	];
	if (secret.basicUser !== undefined) {
		forms.push({ form: 'base64 (Basic auth)', text: Buffer.from(`${secret.basicUser}:${secret.value}`).toString('base64') });
		forms.push({ form: 'base64 of the secret', text: Buffer.from(secret.value).toString('base64') });
	}
	return forms.filter((candidate, index) => forms.findIndex((other) => other.text === candidate.text) === index);
}

const FAULT_CASES = [
	{ name: '401', fault: { kind: 'status' as const, status: 401, message: 'Injected 401' } },
	{ name: '500', fault: { kind: 'status' as const, status: 500 } },
	{ name: 'connection reset', fault: { kind: 'reset' as const } },
];

/** Manual trigger → for each vendor: its safe read under each fault, then with a wrong secret; the last fails the run. */
function faultWorkflow(real: RealVendor[]): Workflow {
	const nodes: Array<Record<string, unknown>> = [
		{ id: 'canary-trigger', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
	];
	for (const [vendorIndex, vendor] of real.entries()) {
		const spec = vendors.find((candidate) => candidate.key === vendor.key)!;
		const credential = vendor.credentials.find((candidate) => candidate.type === vendor.wrong.type)!;
		const cases = [...FAULT_CASES.map((c) => ({ name: c.name, credential })), { name: 'wrong secret', credential: vendor.wrong }];
		for (const [caseIndex, c] of cases.entries()) {
			const last = vendorIndex === real.length - 1 && caseIndex === cases.length - 1;
			nodes.push({
				id: `canary-${vendor.key}-${caseIndex}`,
				name: `${vendor.key} read (${c.name})${last ? ', fails the run' : ''}`,
				type: `${PACKAGE}.${spec.nodeType}`,
				typeVersion: 1,
				position: [200 * (nodes.length + 1), 0],
				parameters: spec.read.parameters,
				credentials: { [c.credential.type]: { id: c.credential.id, name: c.credential.name } },
				...(last ? {} : { onError: 'continueRegularOutput' }),
			});
		}
	}
	const connections = Object.fromEntries(
		nodes.slice(0, -1).map((node, index) => [node.name as string, { main: [[{ node: nodes[index + 1].name as string, type: 'main', index: 0 }]] }]),
	);
	return { id: 'canaryFaults0001', name: 'Canary: failing requests', nodes, connections };
}

const isAgentExample = (workflow: Workflow) => workflow.nodes.some((node) => node.type === '@n8n/n8n-nodes-langchain.agent');

function actionFixtures(): Workflow[] {
	const folder = path.join(ROOT, 'test', 'e2e', 'fixtures');
	return (
		readdirSync(folder)
			.filter((file) => file.endsWith('.workflow.json'))
			.sort()
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			.map((file) => require(path.join(folder, file)) as Workflow)
			.filter((workflow) => workflow.nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger'))
			// the AI-agent example last: its tools write into the sandboxes that the vendors' examples count on
			.sort((a, b) => Number(isAgentExample(a)) - Number(isAgentExample(b)))
	);
}

describe('secrets in real n8n', () => {
	let host: N8nHost | undefined;
	const real: RealVendor[] = [];
	/** The model of the AI-agent fixture: what the tools handed it is scanned too. */
	const openAi = new OpenAiStandIn();

	afterAll(async () => {
		await host?.stop();
		for (const vendor of real) await vendor.simulator.stop();
		await openAi.stop();
	}, 60_000);

	it('shows no form of any canary in n8n output, execution data, error messages or credential tests', async () => {
		const started = Date.now();
		for (const start of startVendors()) real.push(await start());
		await openAi.start();
		host = await N8nHost.withPackage();
		const n8n = host;
		await n8n.importCredentials([...real.flatMap((vendor) => [...vendor.credentials, vendor.wrong]), openAiStandInCredential(openAi)]);
		const fixtures = actionFixtures();
		const faults = faultWorkflow(real);
		await n8n.importWorkflows([...fixtures, faults]);
		await n8n.start();
		await n8n.login();
		const setupSeconds = (Date.now() - started) / 1000;

		// one text per place scanned, per vendor where it belongs to one
		const texts: Array<{ where: string; vendor?: string; text: string }> = [];
		const runManually = async (workflow: Workflow): Promise<string> => {
			const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger')!;
			const response = await n8n.rest<{ executionId?: string }>('POST', `/workflows/${workflow.id}/run`, {
				triggerToStartFrom: { name: trigger.name },
			});
			texts.push({ where: 'REST answer to a manual run', text: JSON.stringify(response.data) });
			if (!response.data.executionId) throw new Error(`manual run refused: ${response.status} ${JSON.stringify(response.data)}`);
			return response.data.executionId;
		};
		const finished = async (executionId: string) =>
			await n8n.until(`execution ${executionId} to finish`, async () => {
				const detail = await n8n.rest<{ status?: string; finished?: boolean }>('GET', `/executions/${executionId}`);
				return detail.data.status && !['new', 'running', 'waiting'].includes(detail.data.status) ? detail.data : undefined;
			}, 120_000);

		const statuses: Record<string, string> = {};
		for (const workflow of fixtures) {
			const status = (await finished(await runManually(workflow))).status as string;
			statuses[workflow.name] = status;
		}
		for (const vendor of real) {
			const spec = vendors.find((candidate) => candidate.key === vendor.key)!;
			const target = spec.read.target;
			for (const c of FAULT_CASES) {
				vendor.simulator.inject({ ...c.fault, method: target.method, pathPattern: `^${target.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` });
			}
		}
		const faultRun = await finished(await runManually(faults));

		// credential tests over REST, with the right and the wrong secret
		const credentialTests: Record<string, string[]> = {};
		for (const vendor of real) {
			const right = vendor.credentials.find((candidate) => candidate.type === vendor.wrong.type)!;
			for (const credential of [right, vendor.wrong]) {
				const answer = await n8n.rest<{ status?: string; message?: string }>('POST', '/credentials/test', { credentials: credential });
				texts.push({ where: 'credential test answer', vendor: vendor.key, text: JSON.stringify(answer.data) });
				(credentialTests[vendor.key] ??= []).push(String(answer.data.status));
			}
		}

		// execution data over REST: the raw answers (flatted run data), and the error messages in them
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const flatted = require(path.join(n8n.install.nodeModules, 'flatted')) as { parse: (text: string) => unknown };
		let executions = 0;
		let errorMessages = 0;
		for (const workflow of [...fixtures, faults]) {
			const filter = encodeURIComponent(JSON.stringify({ workflowId: workflow.id }));
			const list = await n8n.rest<{ results: Array<{ id: string }> }>('GET', `/executions?filter=${filter}`);
			texts.push({ where: 'execution list (REST)', text: JSON.stringify(list.data) });
			for (const summary of list.data.results ?? []) {
				executions++;
				const detail = await n8n.rest<{ data: string }>('GET', `/executions/${summary.id}`);
				texts.push({ where: 'execution data (REST)', text: JSON.stringify(detail.data) });
				const run = flatted.parse(detail.data.data) as { resultData: { error?: IDataObject; runData: Record<string, Array<{ error?: IDataObject; data?: { main: Array<Array<{ json: IDataObject }>> } }>> } };
				const errors: unknown[] = [run.resultData.error];
				for (const tasks of Object.values(run.resultData.runData)) {
					for (const task of tasks) {
						errors.push(task.error);
						for (const item of task.data?.main?.[0] ?? []) errors.push(item.json.error);
					}
				}
				for (const error of errors.filter(Boolean)) {
					errorMessages++;
					const e = error as { message?: unknown; description?: unknown; stack?: unknown };
					texts.push({ where: 'error message', text: [e.message, e.description, e.stack, JSON.stringify(error)].map((part) => String(part ?? '')).join('\n') });
				}
			}
		}
		await n8n.stop();
		texts.push({ where: 'n8n stdout/stderr', text: n8n.log });
		texts.push({ where: 'requests to the AI agent\'s model', text: JSON.stringify(openAi.requests) });

		// every form of every canary, in every text
		const hits: Array<{ vendor: string; form: string; where: string }> = [];
		let forms = 0;
		for (const vendor of real) {
			for (const secret of vendor.secrets) {
				for (const { form, text: needle } of canaryForms(secret)) {
					forms++;
					for (const { where, text } of texts) {
						const count = text.split(needle).length - 1;
						for (let i = 0; i < count; i++) hits.push({ vendor: vendor.key, form, where });
					}
				}
			}
		}
		const bytes = texts.reduce((sum, { text }) => sum + Buffer.byteLength(text), 0);
		const lines = texts.reduce((sum, { text }) => sum + text.split('\n').length, 0);
		const logBytes = Buffer.byteLength(n8n.log);
		const seconds = (Date.now() - started) / 1000;
		for (const vendor of real) {
			const leaks = hits.filter((hit) => hit.vendor === vendor.key);
			const injected = FAULT_CASES.length + 1;
			record(vendor.key, 'secrets in real n8n', {
				injected,
				handled: leaks.length === 0 ? injected : 0,
				leaked: leaks.length,
				note:
					leaks.length === 0
						? `${vendor.secrets.length} canaries × ${canaryForms(vendor.secrets[0]).length} forms, none found; credential test: ${credentialTests[vendor.key]?.join(' / ')}`
						: `canary found: ${[...new Set(leaks.map((hit) => `${hit.form} in ${hit.where}`))].join('; ')}`,
			});
		}
		record('all vendors', 'secrets in real n8n', {
			note:
				`scanned ${bytes} bytes in ${lines} lines (${logBytes} bytes of n8n stdout/stderr, ${executions} executions over REST, ` +
				`${errorMessages} error messages, ${Object.values(credentialTests).flat().length} credential tests) for ${forms} canary forms; ` +
				`n8n set up in ${setupSeconds.toFixed(0)} s, whole run ${seconds.toFixed(0)} s`,
		});

		// the scan looks for what really went out: each vendor received its canary in one of these forms
		for (const vendor of real) {
			const sent = JSON.stringify(vendor.simulator.requests.map((request) => [request.headers, request.query, request.body]));
			expect({ vendor: vendor.key, sent: canaryForms(vendor.secrets[0]).some(({ text }) => sent.includes(text)) }).toEqual({ vendor: vendor.key, sent: true });
		}
		expect(hits).toEqual([]);
		// the runs really exercised the code paths: every fixture ran, the fault run failed where meant to
		expect(Object.entries(statuses).filter(([, status]) => status !== 'success')).toEqual([]);
		expect(faultRun.status).toBe('error');
		expect(errorMessages).toBeGreaterThanOrEqual(real.length * (FAULT_CASES.length + 1));
		for (const vendor of real) expect(credentialTests[vendor.key]).toEqual(['OK', 'Error']);
	}, 600_000);
});
