/**
 * Against what a user would otherwise build: in a real n8n (the pinned version, the package packed
 * and installed as users get it), each list's Return All through our node and through n8n's HTTP
 * Request node with its built-in pagination configured for the same API (credentials as header or
 * query auth), then a Split Out to get one item per record as our node gives. Same simulator, same
 * N, same latency; timed from the run data (`executionTime` of each node's task). The simulators
 * answer repeated requests from a cache (see cacheAnswers), so that their own CPU does not set the pace.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import { N8nHost, type Credential, type ExecutedRun, type Workflow } from '../e2e/n8n';
import type { Simulator } from '../simulators/base';
import type { Alive5Simulator } from '../simulators/alive5';
import { FC_RW_TOKEN } from '../simulators/fiveChat';
import type { LiveAgentSimulator } from '../simulators/liveAgent';
import type { LiveChatSimulator } from '../simulators/liveChat';
import { cacheAnswers, listCases } from './lists';

const REPS = Number(process.env.BENCH_N8N_REPS ?? 3);
/** Requests of the HTTP Request node carry this header, so that each side's requests can be counted. */
const SIDE_HEADER = 'x-bench-side';

interface HttpSide {
	method: 'GET' | 'POST';
	url: string;
	auth: { type: 'httpHeaderAuth' | 'httpQueryAuth'; name: string; value: string };
	/** A JSON body sent with every page (POST lists). */
	body?: Record<string, unknown>;
	/** Pagination parameters, as a user would set them in the node's Pagination option. */
	parameters: Array<{ type: 'qs' | 'body'; name: string; value: string }>;
	complete: string;
	/** The field of each page's answer that holds the records (for Split Out). */
	records: string;
}

/** How a user would page each list with the HTTP Request node. */
function httpSideOf(name: string, simulator: Simulator, parameters: Record<string, unknown>): HttpSide {
	if (name.startsWith('LiveChat')) {
		const liveChat = simulator as LiveChatSimulator;
		const action = name.endsWith('list chats') ? 'list_chats' : name.endsWith('list archives') ? 'list_archives' : 'list_threads';
		return {
			method: 'POST',
			url: `${liveChat.baseUrl}/v3.6/agent/action/${action}`,
			auth: { type: 'httpHeaderAuth', name: 'Authorization', value: `Basic ${Buffer.from(`${liveChat.accountId}:${liveChat.token}`).toString('base64')}` },
			body: action === 'list_threads' ? { chat_id: parameters.chatId } : {},
			// LiveChat refuses `limit` beside `page_id`: the limit goes with the first request only.
			parameters: [
				{ type: 'body', name: 'limit', value: '={{ $pageCount === 0 ? 100 : undefined }}' },
				{ type: 'body', name: 'page_id', value: '={{ $response.body?.next_page_id }}' },
			],
			complete: '={{ !$response.body.next_page_id }}',
			records: action === 'list_threads' ? 'threads' : action === 'list_chats' ? 'chats_summary' : 'chats',
		};
	}
	if (name.startsWith('LiveAgent')) {
		const liveAgent = simulator as LiveAgentSimulator;
		return {
			method: 'GET',
			url: `${liveAgent.baseUrl}/api/customers`,
			auth: { type: 'httpQueryAuth', name: 'apikey', value: liveAgent.apiKey },
			parameters: [
				{ type: 'qs', name: 'limitfrom', value: '={{ $pageCount * 1000 }}' },
				{ type: 'qs', name: 'limitcount', value: '1000' },
			],
			complete: '={{ $response.body.response.customers.length < 1000 }}',
			records: 'response.customers',
		};
	}
	if (name.startsWith('5chat')) {
		return {
			method: 'GET',
			url: `${simulator.baseUrl}${name.includes('ticket') ? '/tickets' : '/conversations'}`,
			auth: { type: 'httpHeaderAuth', name: 'Authorization', value: `Bearer ${FC_RW_TOKEN}` },
			parameters: [
				{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' },
				{ type: 'qs', name: 'limit', value: '100' },
			],
			complete: '={{ !$response.body.hasNextPage }}',
			records: 'data',
		};
	}
	if (name.startsWith('Alive5')) {
		const alive5 = simulator as Alive5Simulator;
		return {
			method: 'GET',
			url: `${alive5.baseUrl}/conversations/livechat`,
			auth: { type: 'httpHeaderAuth', name: 'X-A5-APIKEY', value: alive5.apiKey },
			parameters: [
				{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' },
				{ type: 'qs', name: 'limit', value: '100' },
			],
			complete: '={{ $response.body.data.page >= $response.body.data.totalPages }}',
			records: 'data.items',
		};
	}
	throw new Error(`no HTTP Request set-up for ${name}`);
}

/** n8n ids are 16 characters. */
const idOf = (text: string) => text.replace(/[^A-Za-z0-9]/g, '').padEnd(16, '0').slice(0, 16);

const OURS = 'Our node';
const HTTP = 'HTTP Request';
const SPLIT = 'Split Out';

/**
 * One workflow per list, a chain of nodes that each run once (Execute Once): first an untimed
 * warm-up run of each side (the first run of a fresh `n8n execute` pays for loading code, and the
 * first request of each page fills the simulator's answer cache); then REPS timed runs of each side,
 * alternating which goes first. The HTTP Request node's pages go to a
 * Split Out, which makes one item per record as our node does.
 */
function workflowFor(
	index: number,
	ours: { type: string; parameters: Record<string, unknown>; credentials: Record<string, { id: string; name: string }> },
	http: HttpSide,
	httpCredential: { id: string; name: string },
): Workflow {
	const nodes: Array<Record<string, unknown>> = [
		{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
	];
	const oursNode = (name: string) => ({
		id: name,
		name,
		type: `n8n-nodes-live-chat.${ours.type}`,
		typeVersion: 1,
		executeOnce: true,
		parameters: ours.parameters,
		credentials: ours.credentials,
	});
	const httpNodes = (name: string) => [
		{
			id: name,
			name,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			executeOnce: true,
			parameters: {
				method: http.method,
				url: http.url,
				authentication: 'genericCredentialType',
				genericAuthType: http.auth.type,
				sendHeaders: true,
				headerParameters: { parameters: [{ name: SIDE_HEADER, value: 'http' }] },
				...(http.body ? { sendBody: true, specifyBody: 'json', jsonBody: JSON.stringify(http.body) } : {}),
				options: {
					pagination: {
						pagination: {
							paginationMode: 'updateAParameterInEachRequest',
							parameters: { parameters: http.parameters },
							paginationCompleteWhen: 'other',
							completeExpression: http.complete,
						},
					},
				},
			},
			credentials: { [http.auth.type]: httpCredential },
		},
		{ id: `${name} ${SPLIT}`, name: `${name} ${SPLIT}`, type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: http.records } },
	];
	nodes.push(oursNode(`${OURS} warm-up`), ...httpNodes(`${HTTP} warm-up`));
	for (let rep = 1; rep <= REPS; rep++) {
		const oursRun = [oursNode(`${OURS} ${rep}`)];
		const httpRun = httpNodes(`${HTTP} ${rep}`);
		nodes.push(...(rep % 2 === 1 ? [...oursRun, ...httpRun] : [...httpRun, ...oursRun]));
	}
	const connections: Record<string, unknown> = {};
	nodes.forEach((node, at) => {
		node.position = [at * 220, 0];
		const next = nodes[at + 1];
		if (next) connections[node.name as string] = { main: [[{ node: next.name, type: 'main', index: 0 }]] };
	});
	return { id: idOf(`benchlist${index}`), name: `bench list ${index}`, nodes, connections };
}

/**
 * `n8n execute --rawOutput` with its output going to a file: the run of 10,000-item lists prints
 * tens of MB, and n8n exits before a pipe has taken all of it (the JSON comes out cut short).
 */
async function executeToFile(host: N8nHost, workflowId: string): Promise<{ status: number; run: ExecutedRun }> {
	const file = path.join(host.userFolder, `execute-${workflowId}.out`);
	const out = openSync(file, 'w');
	try {
		const child = spawn(host.install.node, [host.install.n8n, 'execute', `--id=${workflowId}`, '--rawOutput'], {
			env: host.env(),
			stdio: ['ignore', out, 'ignore'],
		});
		const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
		const text = readFileSync(file, 'utf8');
		const start = text.search(/^\{$/m);
		const end = text.lastIndexOf('\n}');
		if (start < 0 || end < start) throw new Error(`n8n execute printed no run (exit ${status}):\n${text.slice(-2000)}`);
		return { status, run: JSON.parse(text.slice(start, end + 2)) as ExecutedRun };
	} finally {
		closeSync(out);
		rmSync(file, { force: true });
	}
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function taskOf(run: ExecutedRun, node: string): { executionTime: number; items: number } {
	const task = run.data.resultData.runData[node]?.[0] as
		| { executionTime?: number; error?: { message: string }; data?: { main: unknown[][] } }
		| undefined;
	if (!task) throw new Error(`${node} did not run`);
	if (task.error) throw new Error(`${node} failed: ${task.error.message}`);
	return { executionTime: task.executionTime ?? NaN, items: task.data?.main[0]?.length ?? 0 };
}

export async function againstHttpRequestNode({ n, latencyMs }: { n: number; latencyMs: number }) {
	const host = await N8nHost.withPackage();
	const { stdout: version } = await host.cli(['--version']);
	const setups = [];
	const lists = [];
	try {
		// Every list's simulator runs at once, so that credentials and workflows are imported in one go.
		const credentials = new Map<string, Credential>();
		const workflows: Workflow[] = [];
		for (const [index, list] of listCases.entries()) {
			const setup = await list.setup(n);
			setups.push(setup);
			cacheAnswers(setup.simulator);
			const ourCredentials: Credential[] = Object.entries(setup.node.credentials).map(([type, data]) => ({
				id: idOf(`bench${index}${type}`),
				name: `bench ${index} ${type}`,
				type,
				data: data as Record<string, unknown>,
			}));
			const http = httpSideOf(list.name, setup.simulator, setup.node.parameters);
			const httpCredential: Credential = {
				id: idOf(`benchhttp${index}`),
				name: `bench http ${index}`,
				type: http.auth.type,
				data: { name: http.auth.name, value: http.auth.value },
			};
			for (const credential of [...ourCredentials, httpCredential]) credentials.set(credential.id, credential);
			workflows.push(
				workflowFor(
					index,
					{
						type: setup.node.type,
						parameters: setup.node.parameters as Record<string, unknown>,
						credentials: Object.fromEntries(ourCredentials.map((credential) => [credential.type, { id: credential.id, name: credential.name }])),
					},
					http,
					{ id: httpCredential.id, name: httpCredential.name },
				),
			);
		}
		await host.importCredentials([...credentials.values()]);
		await host.importWorkflows(workflows);
		for (const [index, list] of listCases.entries()) {
			const { simulator } = setups[index];
			simulator.latencyMs = latencyMs;
			simulator.requests.length = 0;
			const { status, run } = await executeToFile(host, workflows[index].id);
			simulator.latencyMs = 0;
			if (status !== 0) throw new Error(`${list.name}: n8n execute exited ${status}: ${run.data.resultData.error?.message ?? ''}`);
			const reps = Array.from({ length: REPS }, (_, rep) => ({
				ours: taskOf(run, `${OURS} ${rep + 1}`),
				http: taskOf(run, `${HTTP} ${rep + 1}`),
				split: taskOf(run, `${HTTP} ${rep + 1} ${SPLIT}`),
			}));
			const oursMs = reps.map((rep) => rep.ours.executionTime);
			const httpMs = reps.map((rep) => rep.http.executionTime);
			const splitMs = reps.map((rep) => rep.split.executionTime);
			const httpRequests = simulator.requests.filter((request) => request.headers[SIDE_HEADER] === 'http').length;
			const ratio = median(oursMs) / median(httpMs);
			lists.push({
				name: list.name,
				oursItems: reps[0].ours.items,
				httpPages: reps[0].http.items,
				httpItems: reps[0].split.items,
				/** Requests of one run of each side (the warm-up is one of REPS + 1 runs). */
				oursRequests: (simulator.requests.length - httpRequests) / (REPS + 1),
				httpRequests: httpRequests / (REPS + 1),
				oursMs,
				httpMs,
				splitOutMs: splitMs,
				oursMedianMs: round(median(oursMs), 1),
				httpMedianMs: round(median(httpMs), 1),
				splitOutMedianMs: round(median(splitMs), 1),
				/** Our node's time over the HTTP Request node's alone (without its Split Out). */
				ratio: round(ratio, 3),
				/** Our node's time over HTTP Request + Split Out, which gives the same items. */
				ratioWithSplitOut: round(median(oursMs) / (median(httpMs) + median(splitMs)), 3),
				oursFaster: ratio < 1,
			});
			process.stderr.write(`  n8n done: ${list.name}\n`);
		}
	} finally {
		for (const setup of setups) await setup.simulator.stop();
		await host.stop();
	}
	return {
		n8nVersion: version.trim().split('\n').pop(),
		n,
		latencyMs,
		reps: REPS,
		answersCached: true,
		lists,
	};
}
