/**
 * Runs our nodes inside n8n's own engine (n8n-core), in this process: WorkflowExecute and RoutingNode
 * execute the declarative routing and pagination, TriggersAndPollers runs poll(), and HookContext /
 * WebhookContext run webhook lifecycles — nothing of ours is re-implemented or mocked here.
 */
import {
	ExecutionLifecycleHooks,
	HookContext,
	LoadOptionsContext,
	PollContext,
	TriggersAndPollers,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteData,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, Workflow } from 'n8n-workflow';

import { credentialTypes, nodeTypeByName, PACKAGE } from './registry';

/** Applies a credential type's `authenticate` the way n8n's CredentialsHelper does. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly credentials: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	/** The `extends` chain, which tells n8n-core to sign with OAuth2 (oAuth2Api) or OAuth1. */
	getParentTypes(name: string): string[] {
		const parents = credentialTypes[name]?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const type: ICredentialType | undefined = credentialTypes[typeName];
		const authenticate = type?.authenticate;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		const resolve = (value: unknown) =>
			typeof value === 'string' && value.startsWith('=') && workflow && node
				? workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '')
				: value;
		const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
		for (const [outerKey, entries] of Object.entries(authenticate.properties)) {
			target[outerKey] = target[outerKey] ?? {};
			for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
				target[outerKey][String(resolve(key))] = resolve(value);
			}
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used in tests');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.credentials[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		// Defaults of the credential type apply, as they do in n8n.
		const defaults = Object.fromEntries(
			(credentialTypes[type]?.properties ?? []).map((property) => [property.name, property.default]),
		);
		return { ...defaults, ...data } as ICredentialDataDecryptedObject;
	}

	async updateCredentials() {}

	/** n8n-core stores a refreshed OAuth2 token here; later requests use it, as in n8n. */
	async updateCredentialsOauthTokenData(
		_nodeCredentials: unknown,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.credentials[type] = { ...this.credentials[type], oauthTokenData: data.oauthTokenData };
	}

	getCredentialsProperties() {
		return [];
	}
}

const nodeTypes: INodeTypes = {
	getByName: (type) => nodeTypeByName(type),
	getByNameAndVersion: (type) => nodeTypeByName(type),
	getKnownTypes: () => ({}),
};

export interface NodeUnderTest {
	/** Node name without the package prefix, e.g. "socialIntents". */
	type: string;
	parameters: IDataObject;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	continueOnFail?: boolean;
	/** "Continue (using error output)": failed items go to the node's second output. */
	errorOutput?: boolean;
	name?: string;
	/** The node version a saved workflow names (1 unless given). */
	typeVersion?: number;
}

function makeNode(spec: NodeUnderTest): INode {
	return {
		id: 'node-under-test',
		name: spec.name ?? 'Node',
		type: `${PACKAGE}.${spec.type}`,
		typeVersion: spec.typeVersion ?? 1,
		position: [0, 0],
		parameters: spec.parameters as INode['parameters'],
		credentials: Object.fromEntries(
			Object.keys(spec.credentials).map((type) => [type, { id: `cred-${type}`, name: type }]),
		),
		...(spec.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(spec.errorOutput ? { onError: 'continueErrorOutput' as const } : {}),
	};
}

function makeWorkflow(node: INode, staticData: IDataObject = {}, settings: IWorkflowSettings = {}): Workflow {
	return new Workflow({
		id: 'wf-test',
		name: 'test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		staticData,
		settings: { executionOrder: 'v1', ...settings },
	});
}

export function additionalData(
	credentials: Record<string, ICredentialDataDecryptedObject>,
	hooks: ExecutionLifecycleHooks,
	webhookBaseUrl = 'http://127.0.0.1:5678',
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper(credentials),
		hooks,
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used in these tests');
		},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		// as in n8n: the base of production webhook URLs includes the /webhook segment
		webhookBaseUrl: `${webhookBaseUrl}/webhook`,
		webhookWaitingBaseUrl: `${webhookBaseUrl}/webhook-waiting`,
		webhookTestBaseUrl: `${webhookBaseUrl}/webhook-test`,
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'test-user',
		variables: {},
		setExecutionStatus: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/**
 * A dropdown of `spec`'s node as n8n's editor loads it: a real n8n-core LoadOptionsContext for the
 * parameter at `path` (e.g. "parameters.department"), with the node's current parameters and the
 * credential signed by its own type's authenticate().
 */
export function loadOptionsContext(spec: NodeUnderTest, path: string): LoadOptionsContext {
	const node = makeNode(spec);
	const data = additionalData(spec.credentials, new ExecutionLifecycleHooks('internal', 'load-options', {} as never));
	(data as { currentNodeParameters?: IDataObject }).currentNodeParameters = spec.parameters;
	return new LoadOptionsContext(makeWorkflow(node), node, data, path);
}

export interface NodeRun {
	/** Items of the node's first output. */
	items: INodeExecutionData[];
	/** Items of the error output ("Continue (using error output)"). */
	errorItems: INodeExecutionData[];
	/** The node's error when the run failed. */
	error?: Error & { httpCode?: string | null; description?: string | null };
	run: IRun;
}

/**
 * Executes one action node on the given input items through WorkflowExecute. Input is JSON, or whole
 * items (with `binary`); `settings` are the workflow's (e.g. `binaryMode: 'combined'`, n8n 2.x).
 */
export async function runNode(
	spec: NodeUnderTest,
	input: IDataObject[] | INodeExecutionData[] = [{}],
	settings: IWorkflowSettings = {},
	asItems = false,
): Promise<NodeRun> {
	const node = makeNode(spec);
	const workflow = makeWorkflow(node, {}, settings);
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-test', {
		id: 'wf-test',
		name: 'test',
		nodes: [node],
		connections: {},
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	let finish: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (finish = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finish(run));
	const executionData: IRunExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [
				{ node, data: { main: [asItems ? (input as INodeExecutionData[]) : (input as IDataObject[]).map((json) => ({ json }))] }, source: null } as IExecuteData,
			],
		},
	} as IRunExecutionData;
	const execute = new WorkflowExecute(additionalData(spec.credentials, hooks), 'manual', executionData);
	const run = await execute.processRunExecutionData(workflow);
	await finished;
	const task = run.data.resultData.runData[node.name]?.[0];
	return {
		items: task?.data?.main?.[0] ?? [],
		errorItems: task?.data?.main?.[1] ?? [],
		error: (task?.error ?? run.data.resultData.error) as NodeRun['error'],
		run,
	};
}

export interface PollRun {
	items: INodeExecutionData[] | null;
	/** The node's static data after the poll, as n8n would save it. */
	staticData: IDataObject;
}

/**
 * Runs a polling trigger's poll() once through n8n's TriggersAndPollers, starting from saved static
 * data (a JSON copy, as n8n keeps it in its database between polls).
 */
export async function runPoll(
	spec: NodeUnderTest,
	savedStaticData: IDataObject = {},
	mode: WorkflowExecuteMode = 'trigger',
): Promise<PollRun> {
	const node = makeNode(spec);
	const workflow = makeWorkflow(node, JSON.parse(JSON.stringify(savedStaticData)) as IDataObject);
	const hooks = new ExecutionLifecycleHooks(mode, 'exec-poll', {} as never);
	const context = new PollContext(workflow, node, additionalData(spec.credentials, hooks), mode, 'activate');
	const result = await new TriggersAndPollers().runPollFunction(workflow, node, context);
	return {
		items: result ? result[0] : null,
		staticData: JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject,
	};
}

export interface WebhookNode {
	node: INode;
	workflow: Workflow;
	webhookUrl: string;
	/** Runs checkExists() (and create() when it says false), as n8n does on activation. */
	activate(): Promise<{ existed: boolean; created: boolean }>;
	/** Runs delete(), as n8n does on deactivation. */
	deactivate(): Promise<boolean>;
	/** Hands one HTTP delivery to webhook(); returns the workflow data and what was answered. */
	receive(delivery: {
		body: unknown;
		query?: IDataObject;
		headers?: IDataObject;
		/** The body's bytes, which n8n keeps on the request as `rawBody`. */
		rawBody?: Buffer;
	}): Promise<{ workflowData?: INodeExecutionData[][]; status?: number; response?: unknown; noWebhookResponse?: boolean }>;
}

/**
 * A webhook trigger as n8n holds it between activation and deactivation, with its static data
 * kept on the workflow; `webhookBaseUrl` is where deliveries are expected (any URL in tests).
 * `mode: 'manual'` is "Listen for test event", on the webhook-test URL. The hooks run in the modes real
 * n8n (2.0–2.41) uses: checkExists()/create() in `manual`/`manual` for a test, `trigger`/`activate`
 * for production; delete() in `internal`/`update` for both (webhooks/test-webhooks.ts,
 * active-workflow-manager.ts); deliveries in `manual` for a test, `webhook` for production.
 */
export function webhookNode(
	spec: NodeUnderTest,
	staticData: IDataObject = {},
	webhookBaseUrl = 'http://127.0.0.1:5678',
	mode: 'trigger' | 'manual' = 'trigger',
): WebhookNode {
	const node = { ...makeNode(spec), webhookId: 'f3b1c2d4-0000-4000-8000-000000000001' };
	const workflow = makeWorkflow(node, staticData);
	const data = additionalData(spec.credentials, new ExecutionLifecycleHooks('trigger', 'exec-hook', {} as never), webhookBaseUrl);
	const nodeType = nodeTypeByName(node.type) as INodeType;
	const description = nodeType.description.webhooks![0];
	const webhookData = {
		httpMethod: description.httpMethod,
		node: node.name,
		path: `${node.webhookId}/${description.path as string}`,
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: data,
		webhookId: node.webhookId,
		isTest: mode === 'manual',
	} as unknown as IWebhookData;
	const hookContext = (phase: 'activate' | 'delete') =>
		phase === 'delete'
			? new HookContext(workflow, node, data, 'internal', 'update', webhookData)
			: new HookContext(workflow, node, data, mode, mode === 'manual' ? 'manual' : 'activate', webhookData);
	const methods = nodeType.webhookMethods!.default!;
	return {
		node,
		workflow,
		webhookUrl: `${webhookBaseUrl}/${mode === 'manual' ? 'webhook-test' : 'webhook'}/${webhookData.path}`,
		async activate() {
			const existed = await methods.checkExists.call(hookContext('activate'));
			const created = existed ? false : await methods.create.call(hookContext('activate'));
			return { existed, created };
		},
		async deactivate() {
			return await methods.delete.call(hookContext('delete'));
		},
		async receive(delivery) {
			let status: number | undefined;
			let response: unknown;
			const res = {
				status(code: number) {
					status = code;
					return res;
				},
				json(body: unknown) {
					response = body;
					return res;
				},
				send(body: unknown) {
					response = body;
					return res;
				},
				end() {
					return res;
				},
			};
			const req = {
				body: delivery.body,
				query: delivery.query ?? {},
				headers: { 'content-type': 'application/json', ...(delivery.headers ?? {}) },
				params: {},
				rawBody: delivery.rawBody ?? Buffer.from(typeof delivery.body === 'string' ? delivery.body : JSON.stringify(delivery.body ?? '')),
			};
			const webhookAdditional = { ...data, httpRequest: req, httpResponse: res } as unknown as IWorkflowExecuteAdditionalData;
			const context = new WebhookContext(workflow, node, webhookAdditional, mode === 'manual' ? 'manual' : 'webhook', webhookData, [], null);
			const result = await nodeType.webhook!.call(context);
			return { ...result, status, response };
		},
	};
}
