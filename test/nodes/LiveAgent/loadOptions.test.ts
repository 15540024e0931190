/**
 * The department dropdowns as n8n's editor loads them: a real n8n-core LoadOptionsContext calling
 * the node's own loadOptions methods, the key applied by the credential's own authenticate().
 */
import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ICredentialsHelper, Workflow } from 'n8n-workflow';

import { LiveAgentApi } from '../../../credentials/LiveAgentApi.credentials';
import { nodeTypeByName, PACKAGE } from '../../engine/registry';
import { LiveAgentSimulator } from '../../simulators/liveAgent';

const simulator = new LiveAgentSimulator();
let url = '';

beforeAll(async () => (url = await simulator.start()));
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

class LiveAgentCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}
	getParentTypes() {
		return [];
	}
	isCredentialUsableByNode() {
		return true;
	}
	async authenticate(credentials: ICredentialDataDecryptedObject, _type: string, options: IHttpRequestOptions) {
		return await new LiveAgentApi().authenticate(credentials, options);
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

function loadOptionsContext(nodeName: string, currentNodeParameters: IDataObject) {
	const node: INode = {
		id: 'la-node',
		name: 'LiveAgent',
		type: `${PACKAGE}.${nodeName}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: currentNodeParameters as INode['parameters'],
		credentials: { liveAgentApi: { id: 'cred', name: 'LiveAgent' } },
	};
	const nodeTypes: INodeTypes = {
		getByName: (type) => nodeTypeByName(type),
		getByNameAndVersion: (type) => nodeTypeByName(type),
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ id: 'wf', nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		credentialsHelper: new LiveAgentCredentialsHelper({ url, apiKey: simulator.apiKey, timeZone: 'UTC' }),
		currentNodeParameters,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		userId: 'test-user',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters.department');
}

describe('LiveAgent department dropdowns', () => {
	it.each([
		['liveAgent', { resource: 'conversation', operation: 'getAll' }],
		['liveAgentTrigger', { event: 'newConversation' }],
	])('%s lists the departments by name, valued by ID, without deleted ones', async (nodeName, parameters) => {
		const methods = nodeTypeByName(`${PACKAGE}.${nodeName}`).methods!.loadOptions!;
		const options = await methods.getDepartments.call(loadOptionsContext(nodeName, parameters));
		expect(options).toEqual([
			{ name: 'Billing', value: 'b7k2m4p1' },
			{ name: 'Department 1', value: 'a5j9t4d8' },
		]);
		expect(simulator.requests[0]).toMatchObject({ method: 'GET', path: '/api/departments', query: { apikey: simulator.apiKey } });
	});

	it('offers the dropdown wherever a department ID is asked', () => {
		const properties = [...nodeTypeByName(`${PACKAGE}.liveAgent`).description.properties, ...nodeTypeByName(`${PACKAGE}.liveAgentTrigger`).description.properties];
		const nested = properties.flatMap((property) => [property, ...((property.options ?? []) as Array<{ name: string; type?: string; typeOptions?: IDataObject }>).filter((option) => option.type)]);
		const departments = nested.filter((property) => /department/i.test(property.name) && (property as { type?: string }).type !== 'collection');
		expect(departments.length).toBeGreaterThanOrEqual(5);
		for (const property of departments) expect(property).toMatchObject({ type: 'options', typeOptions: { loadOptionsMethod: 'getDepartments' } });
	});
});
