/**
 * A real n8n for end-to-end runs and the sandbox: the pinned version from scripts/install-n8n.sh,
 * a throwaway user folder with this package installed as a community package (packed, exactly as
 * users get it), and helpers for its CLI and REST API.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { SandboxCredential } from '../simulators/base';

/** The repository root, from the sources or from their compiled copy in .build/. */
export const ROOT = (() => {
	let folder = __dirname;
	while (!existsSync(path.join(folder, 'scripts', 'install-n8n.sh'))) folder = path.dirname(folder);
	return folder;
})();
export const PACKAGE = 'n8n-nodes-live-chat';

export interface N8nInstall {
	node: string;
	n8n: string;
	nodeModules: string;
	/** n8n's version, e.g. "2.41.1" (scripts/install-n8n.sh: N8N_VERSION). */
	version: string;
}

/**
 * Installs (once per machine, cached) and locates the pinned n8n and its Node. The script reports
 * each step on stderr; a failure throws an error that says so without a stack of ours around it.
 */
export function installN8n(): N8nInstall {
	let folder: string;
	try {
		folder = execFileSync('bash', [path.join(ROOT, 'scripts', 'install-n8n.sh')], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		}).trim();
	} catch {
		const error = new Error('installing n8n failed: the lines above name the step and what to do');
		error.stack = error.message;
		throw error;
	}
	const nodeModules = path.join(folder, 'n8n', 'node_modules');
	return {
		node: path.join(folder, 'node', 'node_modules', '.bin', 'node'),
		n8n: path.join(nodeModules, 'n8n', 'bin', 'n8n'),
		nodeModules,
		version: (JSON.parse(readFileSync(path.join(nodeModules, 'n8n', 'package.json'), 'utf8')) as { version: string }).version,
	};
}

/**
 * Builds the package into a private folder (tsc + gulp + n8n's metadata, as `npm run build` does,
 * but not into dist/, so that parallel runs never see a half-written build) and packs it with npm
 * pack, exactly as it would be published. Returns the tarball's path.
 */
export function packPackage(destination: string): string {
	const stage = path.join(destination, 'package-stage');
	mkdirSync(stage, { recursive: true });
	for (const file of ['package.json', 'README.md', 'LICENSE']) {
		copyFileSync(path.join(ROOT, file), path.join(stage, file));
	}
	const bin = path.join(ROOT, 'node_modules', '.bin');
	const run = (command: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT) =>
		execFileSync(command, args, {
			cwd,
			env: { ...process.env, ...env },
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		});
	run(path.join(bin, 'tsc'), ['-p', 'tsconfig.build.json', '--outDir', path.join(stage, 'dist')]);
	run(path.join(bin, 'gulp'), ['build', '--silent'], { BUILD_DIR: path.join(stage, 'dist') });
	// dist/known and dist/types, from which n8n lists the nodes without requiring them (it reads the
	// package in its working folder; the stage has no node_modules of its own)
	run(path.join(bin, 'n8n-generate-metadata'), [], { NODE_PATH: path.join(ROOT, 'node_modules') }, stage);
	const output = run('npm', ['pack', '--silent', '--pack-destination', destination], {}, stage);
	return path.join(destination, output.trim().split('\n').pop()!);
}

/** Set by test/packOnce.ts: the tarball packed once for every real-n8n file of a jest run. */
export const PACKED_TARBALL = 'LIVE_CHAT_PACKED_TARBALL';

/** A TCP port nothing listens on right now, on loopback. */
export async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

export type Credential = SandboxCredential;

export interface Workflow {
	id: string;
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export const OWNER = { email: 'owner@sandbox.local', password: 'Sandbox-Pass-1', firstName: 'Sandbox', lastName: 'Owner' };

export class N8nHost {
	readonly userFolder: string;
	readonly port: number;
	readonly brokerPort: number;
	private server: ChildProcess | undefined;
	private cookie = '';
	/** Everything n8n printed, for assertions (no secret may appear) and for failure reports. */
	log = '';
	/** Settings added to (and overriding) the defaults of env(), e.g. a queue-mode setup. */
	extraEnv: NodeJS.ProcessEnv = {};

	constructor(
		readonly install: N8nInstall,
		options: { userFolder?: string; port: number; brokerPort: number },
	) {
		this.userFolder = options.userFolder ?? mkdtempSync(path.join(tmpdir(), 'n8n-e2e-'));
		this.port = options.port;
		this.brokerPort = options.brokerPort;
	}

	/**
	 * A throwaway n8n (pinned version, own user folder, free ports) with this package packed and
	 * installed as a community package, as users get it.
	 */
	static async withPackage(): Promise<N8nHost> {
		const work = mkdtempSync(path.join(tmpdir(), 'n8n-live-chat-e2e-'));
		const host = await N8nHost.create(installN8n(), path.join(work, 'user'));
		host.installPackage(process.env[PACKED_TARBALL] ?? packPackage(work));
		return host;
	}

	/** Waits until `probe` gives a value (not undefined or false); on time-out shows n8n's last log lines. */
	async until<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 30_000): Promise<T> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const value = await probe();
			if (value !== undefined && value !== false) return value;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(`timed out waiting for ${what}\n${this.log.slice(-2000)}`);
	}

	/**
	 * Waits until a webhook trigger's activation has finished: n8n saves the static data that create()
	 * filled (our secret) only after create() returned (ActiveWorkflowManager.addWebhooks), so a
	 * delivery in between is refused as an unknown sender. The probe carries the registered URL, secret
	 * included, and an empty JSON array, which no trigger accepts: 401 until the secret is saved, then
	 * 400, and never an execution.
	 */
	async untilSecretSaved(registeredUrl: string): Promise<void> {
		const status = await this.until('the trigger secret saved by n8n', async () => {
			const probe = await fetch(registeredUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
			return probe.status === 401 ? undefined : probe.status;
		});
		if (status !== 400) throw new Error(`the trigger answered ${status} to an empty delivery with its secret; expected 400`);
	}

	/** The workflow's executions once at least one has finished successfully. */
	async finishedExecutions(workflowId: string) {
		const found = await this.executions(workflowId);
		return found.some((execution) => execution.status === 'success') ? found : undefined;
	}

	/** A host on ports nothing else uses, so that several runs can share the machine. */
	static async create(install: N8nInstall, userFolder?: string): Promise<N8nHost> {
		return new N8nHost(install, { userFolder, port: await freePort(), brokerPort: await freePort() });
	}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	env(): NodeJS.ProcessEnv {
		const keep = ['PATH', 'HOME', 'LANG', 'TZ', 'TMPDIR'];
		return {
			...Object.fromEntries(keep.filter((key) => process.env[key]).map((key) => [key, process.env[key]])),
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'sandbox-encryption-key-not-secret',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port),
			WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_LEVEL: 'info',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
			DB_SQLITE_POOL_SIZE: '1',
			// Nothing here makes our nodes AI tools: n8n 1.85 made every community node usable as a tool
			// and dropped N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE, which 2.x does not read (aiAgent.e2e.ts
			// runs them as tools with these settings).
			...this.extraEnv,
		};
	}

	/** Installs the packed package where n8n looks for community nodes. */
	installPackage(tarball: string): void {
		const nodesFolder = path.join(this.userFolder, '.n8n', 'nodes');
		mkdirSync(nodesFolder, { recursive: true });
		if (!existsSync(path.join(nodesFolder, 'package.json'))) {
			writeFileSync(path.join(nodesFolder, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
		}
		execFileSync('npm', ['install', tarball, '--no-audit', '--no-fund', '--legacy-peer-deps', '--ignore-scripts'], {
			cwd: nodesFolder,
			stdio: ['ignore', 'ignore', 'inherit'],
		});
	}

	/**
	 * Runs an n8n CLI command to completion. Asynchronous on purpose: the simulators n8n talks to
	 * live in this process and must keep answering meanwhile.
	 */
	async cli(args: string[]): Promise<{ status: number; stdout: string }> {
		const child = spawn(this.install.node, [this.install.n8n, ...args], {
			env: this.env(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
		const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
		this.log += stdout;
		return { status, stdout };
	}

	async importCredentials(credentials: Credential[]): Promise<void> {
		const file = path.join(this.userFolder, 'credentials.json');
		writeFileSync(file, JSON.stringify(credentials));
		const { status } = await this.cli(['import:credentials', `--input=${file}`]);
		if (status !== 0) throw new Error(`import:credentials failed:\n${this.log.slice(-3000)}`);
	}

	async importWorkflows(workflows: Workflow[]): Promise<void> {
		const file = path.join(this.userFolder, 'workflows.json');
		writeFileSync(
			file,
			JSON.stringify(
				workflows.map((workflow) => ({
					active: false,
					settings: { executionOrder: 'v1' },
					// n8n 2.0 stores no versionId of its own on import (2.41 replaces this one)
					versionId: randomUUID(),
					...workflow,
				})),
			),
		);
		const { status } = await this.cli(['import:workflow', `--input=${file}`]);
		if (status !== 0) throw new Error(`import:workflow failed:\n${this.log.slice(-3000)}`);
	}

	/** `n8n execute`: the run's JSON, which n8n prints between log lines. */
	async execute(workflowId: string): Promise<{ status: number; run: ExecutedRun }> {
		const { status, stdout } = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		const lines = stdout.split('\n');
		const start = lines.findIndex((line) => line === '{');
		const end = lines.findIndex((line, index) => index > start && line === '}');
		if (start < 0 || end < 0) throw new Error(`n8n execute printed no run (exit ${status}):\n${stdout.slice(-3000)}`);
		return { status, run: JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutedRun };
	}

	/**
	 * Starts `n8n start` (or `n8n worker` / `n8n webhook`) and waits until `/healthz/readiness`
	 * answers on this host's port (for a worker: set QUEUE_HEALTH_CHECK_PORT to it).
	 */
	async start(command: 'start' | 'worker' | 'webhook' = 'start'): Promise<void> {
		this.server = spawn(this.install.node, [this.install.n8n, command], {
			env: this.env(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.server.stdout!.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
		this.server.stderr!.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
		const deadline = Date.now() + 120_000;
		while (Date.now() < deadline) {
			if (this.server.exitCode !== null) throw new Error(`n8n exited early:\n${this.log.slice(-3000)}`);
			try {
				const response = await fetch(`${this.baseUrl}/healthz/readiness`);
				// n8n 2.0 reports ready some seconds before its REST API is mounted
				if (response.ok && (command !== 'start' || (await fetch(`${this.baseUrl}/rest/settings`)).ok)) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`n8n did not become ready:\n${this.log.slice(-3000)}`);
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server || server.exitCode !== null) return;
		const exited = new Promise((resolve) => server.once('exit', resolve));
		server.kill('SIGTERM');
		const timer = setTimeout(() => server.kill('SIGKILL'), 15_000);
		await exited;
		clearTimeout(timer);
		this.server = undefined;
	}

	/** Creates the owner account (first start only) and logs in. */
	async login(): Promise<void> {
		await fetch(`${this.baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		const response = await fetch(`${this.baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
		this.cookie = (response.headers.getSetCookie?.() ?? [])
			.map((cookie) => cookie.split(';')[0])
			.join('; ');
	}

	/**
	 * Activates (publishes) a workflow's current version over REST, as the editor does. n8n 2.0's
	 * import:workflow keeps no version in the workflow's history, and activation needs one: there,
	 * archiving and restoring the workflow, which saves a version and changes nothing else, comes first.
	 */
	async activate(workflowId: string): Promise<{ status: number; data: unknown }> {
		const activateCurrent = async () => {
			const { data: workflow } = await this.rest<{ versionId: string }>('GET', `/workflows/${workflowId}`);
			return await this.rest('POST', `/workflows/${workflowId}/activate`, { versionId: workflow.versionId });
		};
		const activated = await activateCurrent();
		if (activated.status !== 404 || !JSON.stringify(activated.data).includes('Version not found')) return activated;
		await this.rest('POST', `/workflows/${workflowId}/archive`, {});
		await this.rest('POST', `/workflows/${workflowId}/unarchive`, {});
		return await activateCurrent();
	}

	/** A GET of any of n8n's paths (not only /rest), with the logged-in session. */
	async get(route: string): Promise<Response> {
		return await fetch(`${this.baseUrl}${route}`, { headers: { cookie: this.cookie } });
	}

	async rest<T = unknown>(method: string, route: string, body?: unknown): Promise<{ status: number; data: T }> {
		const response = await fetch(`${this.baseUrl}/rest${route}`, {
			method,
			headers: { 'content-type': 'application/json', cookie: this.cookie },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let parsed: { data?: T } | undefined;
		try {
			parsed = JSON.parse(text) as { data?: T };
		} catch {
			parsed = undefined;
		}
		return { status: response.status, data: (parsed?.data ?? parsed ?? text) as T };
	}

	/** Finished executions of a workflow, newest first, with their run data decoded. */
	async executions(workflowId: string): Promise<Array<{ id: string; status: string; mode: string; runData: RunData }>> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const list = await this.rest<{ results: Array<{ id: string; status: string; mode: string }> }>(
			'GET',
			`/executions?filter=${filter}`,
		);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const flatted = require(path.join(this.install.nodeModules, 'flatted')) as { parse: (text: string) => unknown };
		const results = [];
		for (const summary of list.data.results ?? []) {
			const detail = await this.rest<{ data: string }>('GET', `/executions/${summary.id}`);
			const decoded = flatted.parse(detail.data.data) as { resultData: { runData: RunData } };
			results.push({ ...summary, runData: decoded.resultData.runData });
		}
		return results;
	}
}

export type RunData = Record<
	string,
	Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }>> }; error?: { message: string; httpCode?: string } }>
>;

export interface ExecutedRun {
	data: { resultData: { runData: RunData; error?: { message: string } } };
}

/** The JSON items a node put on its first output in a run. */
export function itemsOf(runData: RunData, nodeName: string): Array<Record<string, unknown>> {
	const task = runData[nodeName]?.[0];
	if (!task) throw new Error(`node "${nodeName}" did not run; ran: ${Object.keys(runData).join(', ')}`);
	if (task.error) throw new Error(`node "${nodeName}" failed: ${task.error.message}`);
	return (task.data?.main[0] ?? []).map((item) => item.json);
}

/**
 * The workflow fixtures of one vendor or example group (test/e2e/fixtures): `<key>.workflow.json`,
 * `<key>.<more>.workflow.json` and its triggers' `<key>[Word]Trigger[.<more>].workflow.json`, not those
 * of a longer key that begins with this one (liveAgentV3's are not liveAgent's).
 */
export function fixtures(vendor: string): Workflow[] {
	const folder = path.join(ROOT, 'test', 'e2e', 'fixtures');
	const ours = new RegExp(`^${vendor}(\\.|([A-Z][a-z]*)?Trigger\\.)`);
	return readdirSync(folder)
		.filter((file) => file.endsWith('.workflow.json') && ours.test(file))
		.sort()
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		.map((file) => require(path.join(folder, file)) as Workflow);
}
