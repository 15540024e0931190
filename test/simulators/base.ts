/**
 * The base every vendor simulator stands on: a loopback HTTP server with routes, an auth check,
 * state that persists across calls, a log of what arrived, and fault switches that tests (or another
 * process, over /__sim/*) turn on. A vendor simulator adds only its routes, auth rule and envelopes.
 */
import { readdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';

import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

export interface SimRequest {
	method: string;
	path: string;
	params: Record<string, string>;
	query: Record<string, string>;
	headers: http.IncomingHttpHeaders;
	body: unknown;
	rawBody: string;
	/** The body's bytes as they came (a file upload's bytes stay exact). */
	raw: Buffer;
}

export interface SimResponse {
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export type Handler = (request: SimRequest) => SimResponse | Promise<SimResponse>;

/**
 * One injected fault. It applies to requests matching `method`/`path` (a path prefix or a regular
 * expression source), `times` times (default once), and is then used up.
 */
export interface Fault {
	method?: string;
	path?: string;
	pathPattern?: string;
	times?: number;
	kind:
		| 'status' // answer `status` with the vendor's error envelope (or `body`)
		| 'rateLimit' // 429 with Retry-After `retryAfterSeconds` when given
		| 'envelopeError' // HTTP 200 whose envelope says error
		| 'malformed' // truncated JSON
		| 'html' // an HTML error page
		| 'empty' // 200 with no body
		| 'hang' // never answer
		| 'reset' // destroy the connection
		| 'delay'; // answer normally after `delayMs`
	status?: number;
	body?: unknown;
	retryAfterSeconds?: number;
	delayMs?: number;
	message?: string;
}

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: http.IncomingHttpHeaders;
	body: unknown;
	at: number;
}

interface Route {
	method: string;
	pattern: RegExp;
	names: string[];
	handler: Handler;
	public: boolean;
}

export abstract class Simulator {
	abstract readonly vendor: string;

	/** Every vendor request that arrived, in order (not the /__sim control calls). */
	readonly requests: RecordedRequest[] = [];

	/** Latency added to every answer, to measure like a real network. */
	latencyMs = 0;

	/** When set, requests beyond this many in flight are answered 429. */
	concurrencyLimit: number | undefined;

	private faults: Fault[] = [];
	private readonly routes: Route[] = [];
	private server: http.Server | undefined;
	private readonly sockets = new Set<Socket>();
	private inFlight = 0;
	baseUrl = '';

	/** True when the request carries the vendor's valid credentials. */
	protected abstract isAuthorized(request: SimRequest): boolean;

	/** The vendor's answer to a request without valid credentials. */
	protected abstract unauthorized(request: SimRequest): SimResponse;

	/** The vendor's error answer with this status and message. */
	protected abstract errorResponse(status: number, message: string): SimResponse;

	/** An HTTP 200 whose envelope nonetheless says the call failed. */
	protected abstract envelopeError(message: string): SimResponse;

	/**
	 * A broken pager: lists answer as if their paging parameter were ignored — a cursor list hands out
	 * the cursor of its second page again on every later page, an offset or page-number list answers
	 * its first page again. Paging loops must stop on it with an error (issue 24).
	 */
	repeatPages = false;

	/** Back to the seeded state, with no faults and an empty request log. */
	reset(): void {
		this.repeatPages = false;
		this.faults = [];
		this.requests.length = 0;
		this.latencyMs = 0;
		this.concurrencyLimit = undefined;
		this.seed();
	}

	/** Fills the vendor's state with its seed data. */
	protected abstract seed(): void;

	/** Vendor-specific control actions (POST /__sim/<name>), e.g. "a chat ends now". */
	protected controls(): Record<string, (body: unknown) => unknown | Promise<unknown>> {
		return {};
	}

	/** A snapshot of the vendor state for tests (GET /__sim/state). */
	abstract state(): unknown;

	inject(fault: Fault): void {
		this.faults.push({ times: 1, ...fault });
	}

	/** How many vendor requests matched a method and path prefix. */
	count(method?: string, pathPrefix?: string): number {
		return this.requests.filter(
			(request) =>
				(!method || request.method === method) && (!pathPrefix || request.path.startsWith(pathPrefix)),
		).length;
	}

	protected route(method: string, path: string, handler: Handler, options: { public?: boolean } = {}): void {
		const names: string[] = [];
		const source = path.replace(/:(\w+)/g, (_, name: string) => {
			names.push(name);
			return '([^/]+)';
		});
		this.routes.push({
			method,
			pattern: new RegExp(`^${source}/?$`),
			names,
			handler,
			public: options.public ?? false,
		});
	}

	async start(port = 0): Promise<string> {
		this.seed();
		this.server = http.createServer((req, res) => void this.handle(req, res));
		this.server.keepAliveTimeout = 30_000;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			this.server!.listen(port, '127.0.0.1', () => resolve());
		});
		const address = this.server.address() as AddressInfo;
		this.baseUrl = `http://127.0.0.1:${address.port}`;
		return this.baseUrl;
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
		this.server = undefined;
	}

	private takeFault(method: string, path: string): Fault | undefined {
		const index = this.faults.findIndex(
			(fault) =>
				(!fault.method || fault.method === method) &&
				(!fault.path || path.startsWith(fault.path)) &&
				(!fault.pathPattern || new RegExp(fault.pathPattern).test(path)),
		);
		if (index < 0) return undefined;
		const fault = this.faults[index];
		fault.times = (fault.times ?? 1) - 1;
		if (fault.times <= 0) this.faults.splice(index, 1);
		return fault;
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks);
		const rawBody = raw.toString('utf8');
		const url = new URL(req.url ?? '/', 'http://simulator');
		const method = (req.method ?? 'GET').toUpperCase();
		const path = url.pathname;
		const query = Object.fromEntries(url.searchParams.entries());
		const body = parseBody(rawBody, req.headers['content-type']);

		if (path.startsWith('/__sim/')) {
			this.send(res, await this.control(method, path.slice('/__sim/'.length), body));
			return;
		}

		this.requests.push({ method, path, query, headers: req.headers, body, at: Date.now() });
		this.inFlight++;
		try {
			if (this.latencyMs) await wait(this.latencyMs);
			const request: SimRequest = { method, path, params: {}, query, headers: req.headers, body, rawBody, raw };
			if (this.concurrencyLimit !== undefined && this.inFlight > this.concurrencyLimit) {
				this.send(res, this.rateLimited(1));
				return;
			}
			const fault = this.takeFault(method, path);
			if (fault && (await this.applyFault(fault, res))) return;
			this.send(res, await this.dispatch(request));
		} catch (error) {
			this.send(res, this.errorResponse(500, `simulator failure: ${(error as Error).message}`));
		} finally {
			this.inFlight--;
		}
	}

	private async dispatch(request: SimRequest): Promise<SimResponse> {
		let pathMatched = false;
		for (const route of this.routes) {
			const match = route.pattern.exec(request.path);
			if (!match) continue;
			pathMatched = true;
			if (route.method !== request.method) continue;
			route.names.forEach((name, index) => (request.params[name] = decodeURIComponent(match[index + 1])));
			if (!route.public && !this.isAuthorized(request)) return this.unauthorized(request);
			return await route.handler(request);
		}
		return pathMatched
			? this.errorResponse(405, `Method ${request.method} not allowed on ${request.path}`)
			: this.errorResponse(404, `No route ${request.method} ${request.path}`);
	}

	protected rateLimited(retryAfterSeconds?: number): SimResponse {
		const response = this.errorResponse(429, 'Too many requests');
		if (retryAfterSeconds !== undefined) {
			response.headers = { ...response.headers, 'Retry-After': String(retryAfterSeconds) };
		}
		return response;
	}

	/** Returns true when the fault answered (or deliberately did not answer) the request. */
	private async applyFault(fault: Fault, res: http.ServerResponse): Promise<boolean> {
		switch (fault.kind) {
			case 'delay':
				await wait(fault.delayMs ?? 0);
				return false;
			case 'status':
				this.send(
					res,
					fault.body !== undefined
						? { status: fault.status ?? 500, body: fault.body }
						: this.errorResponse(fault.status ?? 500, fault.message ?? 'Injected failure'),
				);
				return true;
			case 'rateLimit':
				this.send(res, this.rateLimited(fault.retryAfterSeconds));
				return true;
			case 'envelopeError':
				this.send(res, this.envelopeError(fault.message ?? 'Injected envelope error'));
				return true;
			case 'malformed':
				res.writeHead(200, { 'Content-Type': 'application/json' });
				res.end('{"truncated": [1, 2');
				return true;
			case 'html':
				res.writeHead(fault.status ?? 502, { 'Content-Type': 'text/html' });
				res.end('<html><body><h1>502 Bad Gateway</h1><p>upstream unavailable</p></body></html>');
				return true;
			case 'empty':
				res.writeHead(fault.status ?? 200, { 'Content-Type': 'application/json' });
				res.end();
				return true;
			case 'hang':
				return true; // the socket stays open until the client gives up or the simulator stops
			case 'reset':
				res.socket?.destroy();
				return true;
		}
	}

	private async control(method: string, action: string, body: unknown): Promise<SimResponse> {
		if (method === 'GET' && action === 'state') return { body: this.state() };
		if (method === 'GET' && action === 'requests') return { body: this.requests };
		if (method === 'POST' && action === 'reset') {
			this.reset();
			return { body: { ok: true } };
		}
		if (method === 'POST' && action === 'fault') {
			this.inject(body as Fault);
			return { body: { ok: true } };
		}
		if (method === 'POST' && action === 'settings') {
			const settings = body as { latencyMs?: number; concurrencyLimit?: number | null };
			if (settings.latencyMs !== undefined) this.latencyMs = settings.latencyMs;
			if (settings.concurrencyLimit !== undefined) this.concurrencyLimit = settings.concurrencyLimit ?? undefined;
			return { body: { ok: true } };
		}
		const custom = this.controls()[action];
		if (method === 'POST' && custom) {
			try {
				return { body: (await custom(body)) ?? { ok: true } };
			} catch (error) {
				return { status: 400, body: { error: (error as Error).message } };
			}
		}
		return { status: 404, body: { error: `unknown control ${method} ${action}` } };
	}

	private send(res: http.ServerResponse, response: SimResponse): void {
		if (res.headersSent || res.destroyed) return;
		const status = response.status ?? 200;
		const headers: Record<string, string> = { ...response.headers };
		let payload = '';
		if (response.body !== undefined) {
			payload = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
			headers['Content-Type'] = headers['Content-Type'] ?? 'application/json';
		}
		res.writeHead(status, headers);
		res.end(payload);
	}

	/**
	 * POSTs a webhook delivery to a URL, as a vendor does; resolves to the status (0 when nothing
	 * answered). The body is JSON text under `contentType` (application/json unless told; `null`
	 * sends no Content-Type header), or form fields when the type is a form.
	 */
	protected async deliver(url: string, payload: unknown, contentType: string | null = 'application/json'): Promise<number> {
		const form = contentType?.startsWith('application/x-www-form-urlencoded');
		const body = form
			? new URLSearchParams(Object.entries(payload as Record<string, unknown>).map(([key, value]): [string, string] => [key, value === null || value === undefined ? '' : String(value)])).toString()
			: JSON.stringify(payload);
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers: contentType === null ? {} : { 'Content-Type': contentType },
				// a Uint8Array, so that fetch adds no Content-Type of its own
				body: new TextEncoder().encode(body),
			});
			await response.text();
			return response.status;
		} catch {
			return 0;
		}
	}
}

function parseBody(raw: string, contentType: string | undefined): unknown {
	if (raw === '') return undefined;
	if (contentType?.includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(raw).entries());
	}
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

/** One file part of a multipart/form-data request: its form field, file name, MIME type and bytes. */
export interface UploadedFile {
	field: string;
	name: string;
	contentType: string;
	size: number;
	bytes: Buffer;
}

/**
 * The file parts of a multipart/form-data request, read by the platform's own form parser (undici's
 * `Response.formData()`); an empty list for any other body or a form that does not parse.
 */
export async function uploadedFiles(request: SimRequest): Promise<UploadedFile[]> {
	const type = String(request.headers['content-type'] ?? '');
	if (!type.startsWith('multipart/form-data')) return [];
	let form: FormData;
	try {
		form = await new Response(request.raw, { headers: { 'content-type': type } }).formData();
	} catch {
		return [];
	}
	const files: UploadedFile[] = [];
	for (const [field, value] of form.entries()) {
		if (typeof value === 'string') continue;
		const bytes = Buffer.from(await value.arrayBuffer());
		files.push({ field, name: value.name, contentType: value.type, size: bytes.length, bytes });
	}
	return files;
}

export function wait(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A small deterministic random generator, so seeded data and fault runs repeat exactly. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** An n8n credential as `n8n import:credentials` takes it. */
export interface SandboxCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/**
 * What `npm start` and the e2e tests need to put one vendor's simulator in front of n8n. Each
 * simulator module exports one as `sandbox`; they are found by listing this folder.
 */
export interface SandboxSpec<S extends Simulator = Simulator> {
	/** The vendor's key, also the prefix of its e2e fixtures (`test/e2e/fixtures/<key>*.workflow.json`). */
	key: string;
	/** The fixed loopback port of the sandbox started by `npm start`. */
	port: number;
	create: () => S;
	/** Credentials pointing at a running simulator, with the IDs the fixtures use. */
	credentials: (simulator: S) => SandboxCredential[];
	/**
	 * How a newcomer makes the sandbox produce something new for the example triggers: a POST of
	 * `body` to the control route /__sim/<control>. The README, `npm start` and the example workflows'
	 * notes show it as a curl line (sandboxEventCommand), and the browser run sends it.
	 */
	testEvents: SandboxTestEvent[];
}

export interface SandboxTestEvent {
	/** The example triggers it is for (node types without the package prefix). */
	triggers: string[];
	control: string;
	body: Record<string, unknown>;
	/** What it makes happen, in a few words. */
	what: string;
}

/** Credentials as n8n-core's engine takes them: data by credential type. */
export type EngineCredentials = Record<string, ICredentialDataDecryptedObject>;

/**
 * What the shared suites need about one vendor, declared by its simulator module as its `sandbox`
 * export (found by listing this folder: simulatedVendors()). A new simulator file that exports one
 * joins `npm start`, the e2e sandbox, the fault suite, the webhook suites and the package checks.
 */
export interface SimulatedVendor<S extends Simulator = Simulator> extends SandboxSpec<S> {
	/** The vendor's name as users write it, e.g. `Social Intents`. */
	name: string;
	/** The action node's type without the package prefix, e.g. `liveChat`. */
	nodeType: string;
	/** Other words the node picker finds the vendor's nodes by (the codex file's `alias`). */
	aliases: string[];
	/** A simulator, not yet started, whose only valid secret is `secret`. */
	withSecret: (secret: string) => S;
	/** The credential field that holds the secret (in every credential `credentials` gives). */
	secretField: string;
	/** The user sent beside the secret in Basic auth, when the vendor authenticates that way. */
	basicUser?: (simulator: S) => string;
	/**
	 * The credential test's extra refusal, when the vendor refuses a wrong key inside an HTTP 200:
	 * `set(true)` makes the simulator answer so, `message` is what n8n's credential test must say.
	 */
	keyRefusedInBody?: { set: (simulator: S, on: boolean) => void; message: string };
	/**
	 * Credentials n8n's credential test must check beside `credentials` (LiveChat's OAuth2), each with
	 * its secret and the same data with a wrong secret.
	 */
	otherCredentials?: (simulator: S) => Array<{ type: string; data: ICredentialDataDecryptedObject; secret: string; wrong: (data: ICredentialDataDecryptedObject, secret: string) => ICredentialDataDecryptedObject }>;
	/** The credential test cannot tell another service's JSON from the vendor's answer (5chat documents no field of it). */
	credentialAnswerUndocumented?: boolean;
	/** An action refused before any request (test/nodes/shared/errorCodes.test.ts): its parameters and the exact message. */
	refusal: { parameters: IDataObject; message: string };
	/** The fault suite's rows (test/faults/suite.ts). */
	faults: FaultRows<S>;
	/** The Live Chat node's fault rows on this vendor, when the vendor is one of its platforms (nodes/<Vendor>/platform.ts). */
	platformFaults?: PlatformFaultRows;
	/** The webhook trigger, when the vendor has one (test/faults/webhooks*.faults.ts). */
	webhookTrigger?: WebhookTriggerFacts<S>;
	/** The queue-mode run over the vendor's example workflows (test/e2e-queue/queue.e2e.ts). */
	queue: QueueFacts<S>;
}

/**
 * What the queue-mode run needs about a vendor's example workflows (test/e2e/fixtures/<key>*.workflow.json):
 * the one with a manual trigger runs its actions, each other one is an example trigger named by its node type.
 */
export interface QueueFacts<S extends Simulator = Simulator> {
	/** Checks the actions example's results; `items(node)` gives a node's output items. */
	checkActions: (items: (nodeName: string) => Array<Record<string, unknown>>, simulator: S) => void;
	/** For each polling example trigger (by node type): how often it has asked the vendor for records. */
	polls?: Record<string, (simulator: S) => number>;
	/** How many registrations the webhook example trigger makes with these parameters. */
	registrationsFor?: (parameters: IDataObject) => number;
	/**
	 * Makes one new event for every example trigger (`round` tells the calls apart): the record ID each
	 * trigger (by node type) must emit once, and the HTTP statuses of the webhook deliveries it made.
	 */
	emit: (simulator: S, round: number) => Promise<{ ids: Record<string, string>; delivered?: number[] }>;
}

/** A request the simulator should see for an operation: fault switches and counts aim at it. */
export interface Target {
	method: string;
	path: string;
}

export interface BadInput {
	name: string;
	parameters: IDataObject;
	/** The error must contain this (it names the parameter). */
	message: string;
}

export interface PathIdCase {
	name: string;
	parameters: (id: string) => IDataObject;
	/** Holds when the request the simulator saw was not bent by the ID (path and query kept). */
	check: (request: RecordedRequest, id: string) => void;
}

export interface WriteCase {
	name: string;
	parameters: IDataObject;
	target: Target;
	/** Whole input items when the write reads more than JSON (an upload's binary file). */
	items?: INodeExecutionData[];
}

/** A polling trigger driven over 1,000 polls (test/faults/polling.ts). */
export interface PollingTriggerFacts<S extends Simulator = Simulator> {
	type: string;
	parameters: IDataObject;
	list: Target;
	/** Adds one new item that started at `atMs`; resolves to its ID. */
	add: (simulator: S, atMs: number) => Promise<string> | string;
	idOf: (json: IDataObject) => string;
	/**
	 * Late items, by the README: one listed up to `caughtWithinMs` after newer ones is caught; one
	 * listed more than `missedBeyondMs` late is missed by design (`readme` quotes where it says so).
	 */
	late: { caughtWithinMs: number; missedBeyondMs: number; beyondText: string; readme: string };
	/**
	 * Minutes between polls (least, most; default 1 to 9). Day-based windows poll less often, so that
	 * a run spans more days and each answer (the whole window) stays a realistic size.
	 */
	pollMinutes?: [number, number];
	/** Items per page when a poll reads pages: the runs then make page 2 of 3 fail. */
	pageSize?: number;
	/** Removes items older than `beforeMs` from the simulator (only where every window is far shorter). */
	prune?: (simulator: S, beforeMs: number) => void;
	/** The credentials for an account in another time zone (set on the simulator too). */
	withZone?: (simulator: S, credentials: EngineCredentials, zone: string) => EngineCredentials;
}

/** The fault suite's rows for one vendor: a safe read, creates/sends, continueOnFail, bad input, its polling trigger. */
export interface FaultRows<S extends Simulator = Simulator> {
	read: { parameters: IDataObject; target: Target };
	/** Creates or sends: each must reach the vendor exactly once, whatever fails. */
	write?: WriteCase | WriteCase[];
	continueOnFail: { parameters: IDataObject; inputs: IDataObject[] };
	badInput: BadInput[];
	pathIds: PathIdCase[];
	/**
	 * Valid values for optional parameters that an operation (`resource.operation`) still needs one
	 * of (a field to update, a recipient): without them the node rightly names those first.
	 */
	neededExtras?: Record<string, IDataObject>;
	trigger?: PollingTriggerFacts<S>;
	/** How many input items the many-items row reads (500 unless said). */
	manyItems?: number;
}

/**
 * What the fault suite needs to know of the Live Chat node on one platform beyond what every platform
 * shares (test/faults/vendors.ts builds the rest: the read, continueOnFail, bad input).
 */
export interface PlatformFaultRows {
	/** The first request of Conversation → Get Many (Limit 1): transport faults aim at it. */
	listTarget: Target;
	/** Message → Send into a conversation that takes one, where the platform can send; parameters without `platform`. */
	write?: WriteCase;
	/** IDs with path characters, parameters without `platform`. */
	pathIds: PathIdCase[];
}

/** One HTTP delivery: the full URL it goes to (secret in the query, where the vendor puts it there) and its JSON body. */
export interface Delivery {
	url: string;
	body: IDataObject | IDataObject[];
}

/** What a registration at the vendor points at. */
export interface Registration {
	id: string;
	url: string;
}

/** How a webhook trigger's registrations look at its simulator and how a delivery is made (and forged). */
export interface WebhookTriggerFacts<S extends Simulator = Simulator> {
	type: string;
	/** Parameters registering exactly one webhook. */
	parameters: IDataObject;
	/** Parameters registering two (for a failure half-way), when the trigger registers several. */
	twoRegistrations?: IDataObject;
	/**
	 * Whether the trigger takes JSON as text and forms from a sender its secret proves (Alive5 documents
	 * no content type): a forgery by content type then also carries a wrong secret.
	 */
	anyContentType?: boolean;
	/** Whether the vendor can list registrations (so a registration whose static data is lost can be found). */
	canList: boolean;
	registrations: (simulator: S) => Registration[];
	/** Someone else's registration, pointing at `url`. */
	addForeign: (simulator: S, url: string) => void;
	/** The vendor forgets every registration to this URL. */
	lose: (simulator: S, webhookUrl: string) => void;
	/** Delivery number `n` to a registration, as the vendor sends it. */
	genuine: (registration: Registration, simulator: S, n: number) => Delivery;
	/** The same delivery with another secret; `undefined` leaves the secret out. */
	withSecret: (delivery: Delivery, secret: string | undefined) => Delivery;
	register: Target;
	unregister: Target;
}

/**
 * Every simulated vendor: the `sandbox` export of each module in this folder, in port order.
 * Throws when a module's `sandbox` lacks a field the shared suites read.
 */
export function simulatedVendors(): SimulatedVendor[] {
	return readdirSync(__dirname)
		.filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts') && !file.startsWith('base.'))
		.map((file) => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const vendor = (require(path.join(__dirname, file)) as { sandbox?: SimulatedVendor }).sandbox;
			for (const field of ['key', 'name', 'nodeType', 'aliases', 'withSecret', 'secretField', 'refusal', 'faults', 'queue'] as const) {
				if (vendor && vendor[field] === undefined) throw new Error(`test/simulators/${file}: sandbox.${field} is missing`);
			}
			return vendor;
		})
		.filter((vendor): vendor is SimulatedVendor => vendor !== undefined)
		.sort((a, b) => a.port - b.port);
}

/** The simulated vendor with this key; throws on an unknown one. */
export function simulatedVendor(key: string): SimulatedVendor {
	const vendor = simulatedVendors().find((candidate) => candidate.key === key);
	if (!vendor) throw new Error(`No simulator in test/simulators/ declares the vendor ${key}`);
	return vendor;
}

/** The simulator's credentials with the secret field set to `secret` (a no-op where the simulator already holds it). */
export function credentialsWithSecret(vendor: SimulatedVendor, simulator: Simulator, secret: string): SandboxCredential[] {
	return vendor.credentials(simulator).map((credential) => ({ ...credential, data: { ...credential.data, [vendor.secretField]: secret } }));
}

/** POSTs a control action (/__sim/<action>) to a running simulator, as another process would; its JSON answer. */
export async function sendControl(simulator: Simulator, action: string, body: unknown): Promise<unknown> {
	const response = await fetch(`${simulator.baseUrl}/__sim/${action}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return await response.json();
}

/** A path-ID check: the ID is one encoded segment after `prefix` (then `suffix`), and added no query key. */
export const idInSegment = (prefix: string, suffix = '') => (request: RecordedRequest, id: string) => {
	expect(request.path).toBe(`${prefix}${encodeURIComponent(id)}${suffix}`);
	expect(Object.keys(request.query)).not.toContain('x');
};

/** The URL without our secret in the query: what n8n's webhook URL is. */
export function withoutToken(url: string): string {
	const parsed = new URL(url);
	parsed.searchParams.delete('n8n_token');
	return parsed.toString();
}

/** A delivery's secret where n8n's triggers put it for vendors that sign nothing: the URL's `n8n_token`. */
export function withQueryToken(delivery: Delivery, secret: string | undefined): Delivery {
	const url = new URL(delivery.url);
	if (secret === undefined) url.searchParams.delete('n8n_token');
	else url.searchParams.set('n8n_token', secret);
	return { ...delivery, url: url.toString() };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
