import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, operationSelector } from '../../../shared/descriptions';
import { idParameter, jsonFieldsParameter, only, operation } from '../../helpers/descriptions';

const resource = 'company';

/** Companies (paths and answer key `companies`: hostinger/ladesk-php, adrianolaselva/ladesk-sdk; FACTS.md). */
export const companyDescription: INodeProperties[] = [
	operationSelector(resource, 'getAll', [
		operation({ name: 'Get', value: 'get', action: 'Get a company', description: 'Get a company', method: 'GET', url: '/companies/{id}' }),
		operation({ name: 'Get Many', value: 'getAll', action: 'Get many companies', description: 'Get the companies of the account', method: 'GET', url: '/companies', listKey: 'companies' }),
	]),
	idParameter(only(resource, 'get'), 'companyId', 'Company ID', 'The company’s ID', 'c0mp4ny1'),
	jsonFieldsParameter(only(resource, 'getAll'), {
		name: 'filters',
		displayName: 'Filters (JSON)',
		description: 'Filters as a JSON object, sent as query parameters (for example {"name": "Acme"}). No source lists the company filters, so their names are LiveAgent’s to check.',
	}),
	...returnAllAndLimit(only(resource, 'getAll')),
];
