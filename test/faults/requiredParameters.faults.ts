/**
 * Bad input, swept over every operation of every action node, found from the node's description:
 * - each required text, ID, date, JSON or API-filled dropdown left empty the only way n8n lets through
 *   (an expression that resolves to nothing; a plain empty value n8n itself refuses before the node runs);
 * - every JSON parameter given invalid JSON, every date an impossible date, every number text.
 * Expected: an error that names the parameter and zero requests at the simulator.
 */
import type { IDataObject, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { runNode } from '../engine/harness';
import { allNodes } from '../engine/registry';
import type { Simulator } from '../simulators/base';
import { faultCase, record } from './ledger';
import { platformSpecs, vendors } from './vendors';
import type { Credentials } from './vendors';

const EMPTY = '={{ "" }}';
const CHECKED_TYPES = new Set(['string', 'resourceLocator', 'json', 'dateTime']);

/** Required text, IDs, JSON and dropdowns filled from the API (their empty default is not a value). */
function checked(property: INodeProperties): boolean {
	return CHECKED_TYPES.has(property.type) || (property.type === 'options' && Boolean(property.typeOptions?.loadOptionsMethod));
}

/** A value that passes a format check, by what the parameter's name says it holds. */
function plausible(property: INodeProperties): IDataObject[string] {
	if (property.type === 'json') return '{}';
	if (property.type === 'dateTime') return '2024-03-05T14:00:00Z';
	const name = property.name.toLowerCase();
	const value = /phone|number_?(to|from)|^to$|^from$/.test(name)
		? '+15550001111'
		: /email/.test(name)
			? 'ana@sandbox.test'
			: /date|time|since|until/.test(name)
				? '2024-03-05T14:00:00Z'
				: /url/.test(name)
					? 'https://example.com/hook'
					: 'abc123';
	return property.type === 'resourceLocator' ? { __rl: true, mode: 'id', value } : value;
}

function emptied(property: INodeProperties): IDataObject[string] {
	return property.type === 'resourceLocator' ? { __rl: true, mode: 'id', value: EMPTY } : EMPTY;
}

interface Operation {
	resource: string;
	operation: string;
	required: INodeProperties[];
	/** Every parameter it shows at the top level (required or not). */
	shown: INodeProperties[];
}

/** Values no API should receive, by parameter type: each must be refused, naming the parameter. */
const WRONG: Record<string, Array<{ what: string; value: string }>> = {
	json: [{ what: 'invalid JSON', value: '{"unfinished": ' }],
	dateTime: [{ what: 'impossible date', value: '2024-02-30T10:00:00Z' }],
	number: [{ what: 'text for a number', value: '={{ "twelve" }}' }],
};

/** Every resource → operation of a node, with the required parameters each one shows. */
function operationsOf(description: INodeTypeDescription, base: IDataObject = {}): Operation[] {
	const properties = description.properties;
	const resources = (properties.find((p) => p.name === 'resource')?.options ?? []) as Array<{ value: string }>;
	const found: Operation[] = [];
	for (const { value: resource } of resources) {
		for (const selector of properties.filter((p) => p.name === 'operation')) {
			if (!NodeHelpers.displayParameter({ ...base, resource }, selector, { typeVersion: 1 }, description)) continue;
			for (const { value: operation } of (selector.options ?? []) as Array<{ value: string }>) {
				// with every other parameter at its default, as a new node has them
				const values = NodeHelpers.getNodeParameters(properties, { ...base, resource, operation }, true, false, null, description) ?? { ...base, resource, operation };
				const shown = properties.filter((p) => NodeHelpers.displayParameter(values, p, { typeVersion: 1 }, description));
				found.push({ resource, operation, required: shown.filter((p) => p.required && checked(p)), shown });
			}
		}
	}
	return found;
}

describe.each([...vendors, ...platformSpecs].map((vendor) => [vendor.key, vendor] as const))('%s: bad input on every operation', (key, vendor) => {
	const operations = operationsOf(allNodes().get(vendor.nodeType)!.description, vendor.baseParameters).filter(
		(op) => vendor.offers?.(`${op.resource}.${op.operation}`) ?? true,
	);
	const emptyCases = operations.flatMap((op) =>
		op.required.map((property) => [`${op.resource} → ${op.operation}: ${property.displayName}`, op, property, emptied(property)] as const),
	);
	const wrongCases = operations.flatMap((op) =>
		op.shown.flatMap((property) =>
			(WRONG[property.type] ?? []).map((wrong) => [`${op.resource} → ${op.operation}: ${property.displayName}, ${wrong.what}`, op, property, wrong.value] as const),
		),
	);
	let simulator: Simulator;
	let credentials: Credentials;

	beforeAll(async () => {
		({ simulator, credentials } = await vendor.start());
	});
	afterAll(async () => await simulator.stop());
	beforeEach(() => simulator.reset());

	/** Runs the operation with valid required parameters but `property` set to `value`: refused, naming it, 0 requests. */
	async function expectRefused(cls: string, op: Operation, property: INodeProperties, value: IDataObject[string]): Promise<void> {
		await faultCase(key, cls, async () => {
			const parameters: IDataObject = { ...vendor.baseParameters, resource: op.resource, operation: op.operation, ...vendor.neededExtras?.[`${op.resource}.${op.operation}`] };
			for (const other of op.required) parameters[other.name] = plausible(other);
			parameters[property.name] = value;
			const { error, items } = await runNode({ type: vendor.nodeType, parameters, credentials, continueOnFail: true });
			const requests = simulator.requests.length;
			record(key, cls, { badInputRequests: requests });
			const failure = error ?? items[0]?.error;
			// a programmatic node's error item is `{json: {error, details}}`, as n8n's programmatic nodes make them
			const json = items[0]?.json ?? {};
			const text = `${failure?.message ?? ''} ${(failure as { description?: string } | undefined)?.description ?? ''} ${String(json.error ?? '')} ${String(json.details ?? '')}`;
			// a dropdown's label ends in "Name or ID" (n8n's rule); the message may name just the thing
			const named = property.displayName.replace(/ Name or ID$/, '');
			expect({ requests, names: text.includes(named) ? property.displayName : text }).toEqual({
				requests: 0,
				names: property.displayName,
			});
		});
	}

	it(`finds the operations (${operations.length}) and their required parameters (${emptyCases.length})`, () => {
		expect(operations.length).toBeGreaterThan(0);
		expect(emptyCases.length).toBeGreaterThan(0);
	});

	describe('every required parameter left empty', () => {
		it.each(emptyCases)('%s', async (_name, op, property, value) => await expectRefused('required parameters', op, property, value));
	});

	describe('values of the wrong kind', () => {
		it.each(wrongCases)('%s', async (_name, op, property, value) => await expectRefused('wrong kind', op, property, value));
	});
});
