import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listOf } from '../helpers/routing';
import { liveAgentRequest } from '../transport';

/** Every customer group of the account, by name (the customer group calls take the name). */
export async function getCustomerGroupNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const envelope = await liveAgentRequest.call(this, { method: 'GET', url: '/customersgroups' });
	return listOf(envelope.groups)
		.map((group) => String(group.name ?? ''))
		.filter(Boolean)
		.sort((a, b) => a.localeCompare(b))
		.map((name) => ({ name, value: name }));
}
