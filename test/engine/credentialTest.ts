/**
 * Runs a credential type's `test` the way n8n's credentials tester does (n8n 2.41,
 * services/credentials-tester.service.ts `runRequestTest`): the test request becomes the routing of
 * a one-property node, n8n-core's RoutingNode sends it with the credential in mode `internal`, and
 * the tester's rules are read as n8n reads them. The rule loop below is n8n's, kept in step with it;
 * nothing of ours is called except the credential type itself.
 */
import { ExecuteContext, ExecutionLifecycleHooks, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestRequest,
	IDataObject,
	INode,
	INodeCredentialTestResult,
	INodeType,
	INodeTypes,
	ITaskDataConnections,
} from 'n8n-workflow';
import { createEmptyRunExecutionData, Workflow } from 'n8n-workflow';

import { additionalData } from './harness';
import { credentialTypes } from './registry';

/** lodash's get, as n8n's tester uses it: a path of keys read on any value (text included). */
function get(value: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((at, key) => (at === null || at === undefined ? undefined : (at as Record<string, unknown>)[key]), value);
}

type Rule = { type: string; properties: { value: unknown; key?: string; message: string } };

/** The answer n8n's `POST /rest/credentials/test` would give for this credential. */
export async function testCredential(type: string, data: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult> {
	const credentialType = credentialTypes[type];
	const test = credentialType.test as ICredentialTestRequest;
	const defaults = Object.fromEntries(credentialType.properties.map((property) => [property.name, property.default]));
	const decrypted: ICredentialsDecrypted = { id: 'cred-test', name: 'test', type, data: { ...defaults, ...data } as ICredentialDataDecryptedObject };
	const nodeType = {
		description: {
			displayName: 'Temp',
			name: 'credentialTestNode',
			group: [],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: type, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' }],
		},
	} as unknown as INodeType;
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'credentialTestNode',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [type]: { id: 'cred-test', name: 'test' } },
	};
	const nodeTypes: INodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const extra = additionalData({ [type]: decrypted.data as ICredentialDataDecryptedObject }, new ExecutionLifecycleHooks('internal', 'cred-test', {} as never));
	const inputData: ITaskDataConnections = { main: [[{ json: {} }]] };
	const context = new ExecuteContext(workflow, node, extra, 'internal', createEmptyRunExecutionData(), 0, [], inputData, { node, data: {}, source: null }, []);
	const rules = (test.rules ?? []) as unknown as Rule[];
	let response: Array<Array<{ json: IDataObject }>>;
	try {
		response = (await new RoutingNode(context, nodeType, decrypted).runNode()) as never;
	} catch (thrown) {
		const error = thrown as Error & { cause?: { response?: { status: number; statusText?: string }; code?: string } };
		if (error.cause?.response) {
			const { status, statusText } = error.cause.response;
			for (const rule of rules) {
				if (rule.type === 'responseCode' && status === rule.properties.value) return { status: 'Error', message: rule.properties.message };
			}
			if (status < 199 || status > 299) return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: error.message.toString() };
	}
	for (const rule of rules) {
		if (rule.type === 'responseSuccessBody' && get(response[0][0].json, rule.properties.key as string) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
