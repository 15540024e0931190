/**
 * The department dropdowns as n8n's editor loads them: a real n8n-core LoadOptionsContext calling
 * the node's own loadOptions methods, the key applied by the credential's own authenticate().
 */
import type { IDataObject } from 'n8n-workflow';

import { loadOptionsContext as optionsContext } from '../../engine/harness';

import { nodeTypeByName, PACKAGE } from '../../engine/registry';
import { LiveAgentSimulator } from '../../simulators/liveAgent';

const simulator = new LiveAgentSimulator();
let url = '';

beforeAll(async () => (url = await simulator.start()));
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

function loadOptionsContext(nodeName: string, currentNodeParameters: IDataObject) {
	return optionsContext(
		{ type: nodeName, parameters: currentNodeParameters, credentials: { liveAgentApi: { url, apiKey: simulator.apiKey, timeZone: 'UTC' } } },
		'parameters.department',
	);
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
