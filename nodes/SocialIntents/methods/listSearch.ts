import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { vendorRequest } from '../../shared/transport';
import { listFromEnvelope } from '../helpers/output';
import { socialIntentsApi } from '../transport';

/** The apps (chat widgets) of the account. The API has no search or paging: it lists all at once. */
export async function searchApps(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const body = await vendorRequest.call(this, socialIntentsApi, { method: 'GET', url: '/apps' });
	const needle = (filter ?? '').toLowerCase();
	const results = listFromEnvelope(body, ['apps', 'widgets'])
		.map((app: IDataObject) => ({
			name: String(app.name ?? app.title ?? app.id),
			value: String(app.id),
		}))
		.filter((app) => !needle || app.name.toLowerCase().includes(needle) || app.value === filter);
	return { results };
}
