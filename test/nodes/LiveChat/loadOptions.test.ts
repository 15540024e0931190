/**
 * The group, agent and tag dropdowns as n8n's editor loads them: a real n8n-core LoadOptionsContext
 * calling the node's own loadOptions methods against the simulator, which receives `{}` as the body
 * (the Configuration API's list actions take no parameters here; the docs send `{}`).
 */
import { LoadOptionsContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INode, INodeTypes, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { ICredentialsHelper, Workflow } from 'n8n-workflow';

import { credentialTypes, nodeTypeByName, PACKAGE } from '../../engine/registry';
import { LiveChatSimulator } from '../../simulators/liveChat';

const simulator = new LiveChatSimulator();
let baseUrl = '';

beforeAll(async () => (baseUrl = await simulator.start()));
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

/** Decrypted credentials, signed by the credential type's own authenticate (Basic account:token). */
class CredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}
	getParentTypes() {
		return [];
	}
	isCredentialUsableByNode() {
		return true;
	}
	async authenticate(credentials: ICredentialDataDecryptedObject, type: string, options: IHttpRequestOptions) {
		const authenticate = credentialTypes[type].authenticate as (c: ICredentialDataDecryptedObject, o: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
		return await authenticate(credentials, options);
	}
	async preAuthentication() {
		return undefined;
	}
	async runPreAuthentication() {
		return undefined;
	}
	async getCredentials(): Promise<never> {
		throw new Error('not used');
	}
	async getDecrypted() {
		return this.data;
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties() {
		return [];
	}
}

function context(type: 'liveChat' | 'liveChatTrigger', path: string) {
	const node: INode = {
		id: 'lc-node',
		name: 'LiveChat',
		type: `${PACKAGE}.${type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication: 'personalAccessToken' },
		credentials: { liveChatPersonalAccessTokenApi: { id: 'cred', name: 'LiveChat' } },
	};
	const nodeTypes: INodeTypes = {
		getByName: (name) => nodeTypeByName(name),
		getByNameAndVersion: (name) => nodeTypeByName(name),
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ id: 'wf', nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		credentialsHelper: new CredentialsHelper({ accountId: simulator.accountId, accessToken: simulator.token, region: 'auto', baseUrl }),
		currentNodeParameters: { authentication: 'personalAccessToken' },
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		userId: 'test-user',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, node, additionalData, path);
}

describe('LiveChat dropdowns', () => {
	it('load groups, agents and tags, each request carrying the body {}', async () => {
		const methods = nodeTypeByName(`${PACKAGE}.liveChat`).methods!.loadOptions!;
		const groups = await methods.getGroups.call(context('liveChat', 'parameters.targetGroupIds'));
		expect(groups.map((group) => group.value)).toEqual([1, 0, 19, 2]);
		const agents = await methods.getAgents.call(context('liveChat', 'parameters.agentId'));
		expect(agents.map((agent) => agent.value)).toEqual(['smith@example.com', 'agent@example.com']);
		const tags = await methods.getTags.call(context('liveChat', 'parameters.tag'));
		expect(tags.map((tag) => tag.value)).toEqual(['billing', 'sales', 'spam', 'support']);
		expect(simulator.requests.map((request) => [request.path, request.headers['content-length'], request.body])).toEqual([
			['/v3.6/configuration/action/list_groups', '2', {}],
			['/v3.6/configuration/action/list_agents', '2', {}],
			['/v3.6/configuration/action/list_tags', '2', {}],
		]);
	});

	it('the trigger’s Agents filter loads the same agents', async () => {
		const methods = nodeTypeByName(`${PACKAGE}.liveChatTrigger`).methods!.loadOptions!;
		const agents = await methods.getAgents.call(context('liveChatTrigger', 'parameters.filters.agentIds'));
		expect(agents.map((agent) => agent.value)).toEqual(['smith@example.com', 'agent@example.com']);
	});
});
