import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listOf } from '../helpers/output';
import { vendorRequest } from '../../shared/transport';
import { liveAgentApi } from '../transport';

/** Every customer group of the account, by name (the customer group calls take the name). */
export async function getCustomerGroupNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const envelope = (await vendorRequest.call(this, liveAgentApi, { method: 'GET', url: '/customersgroups' })) as IDataObject;
	return listOf(envelope.groups)
		.map((group) => String(group.name ?? ''))
		.filter(Boolean)
		.sort((a, b) => a.localeCompare(b))
		.map((name) => ({ name, value: name }));
}

/**
 * The account's departments by name, valued by ID (`GET /departments` → `departments[]`
 * {departmentid, name, deleted}; public clients hostinger/ladesk-php, kmanley/goliveagent).
 * Deleted departments are left out.
 */
export async function getDepartments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const envelope = (await vendorRequest.call(this, liveAgentApi, { method: 'GET', url: '/departments' })) as IDataObject;
	return listOf(envelope.departments)
		.filter((department) => department.departmentid && String(department.deleted ?? 'N').toUpperCase() !== 'Y')
		.map((department) => ({ name: String(department.name || department.departmentid), value: String(department.departmentid) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
