import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { eachPage } from '../../shared/pagination';
import { vendorRequest } from '../../shared/transport';
import { recordsOf } from '../helpers/output';
import { v3Paging } from '../helpers/paging';
import { liveAgentV3Api } from '../transport';

/** Every row of a paged v3 list (`_page` / `_perPage`). */
async function everyRow(context: ILoadOptionsFunctions, url: string, what: string, keyOf: (row: IDataObject) => string): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	for await (const page of eachPage(context, liveAgentV3Api, { method: 'GET', url }, v3Paging, { what, recordsOf, keyOf })) rows.push(...page.records);
	return rows;
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** The account's departments by name, valued by ID (DepartmentsApi.get_department_list → GET /departments; models/department.py). */
export async function getDepartments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await everyRow(this, '/departments', 'LiveAgent departments', (row) => String(row.department_id));
	return rows
		.filter((row) => row.department_id)
		.map((row) => ({ name: String(row.name || row.department_id), value: String(row.department_id) }))
		.sort(byName);
}

/** The account's agents by name, valued by ID (AgentsApi.get_agents → GET /agents; models/agent.py). */
export async function getAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await everyRow(this, '/agents', 'LiveAgent agents', (row) => String(row.id));
	return rows
		.filter((row) => row.id)
		.map((row) => ({ name: String(row.name || row.email || row.id), value: String(row.id), description: row.email ? String(row.email) : undefined }))
		.sort(byName);
}

/** The account's tags by name, valued by ID, archived ones left out (TagsApi.get_tags_list → GET /tags, not paged; models/tag.py). */
export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = recordsOf(await vendorRequest.call(this, liveAgentV3Api, { method: 'GET', url: '/tags' }));
	return rows
		.filter((row) => row.id && String(row.is_archived ?? 'N').toUpperCase() !== 'Y')
		.map((row) => ({ name: String(row.name || row.id), value: String(row.id) }))
		.sort(byName);
}
