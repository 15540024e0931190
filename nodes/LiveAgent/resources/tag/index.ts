import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, operationSelector } from '../../../shared/descriptions';
import { field, idParameter, jsonFieldsParameter, only, operation, requiredBody } from '../../helpers/descriptions';

const resource = 'tag';

const OTHER_FIELDS =
	'Further tag fields as a JSON object, sent as form fields beside the name (for example {"color": "FFFFFF", "background_color": "0000FF"}). The sources give only the name, so the other field names are LiveAgent’s to check.';

/**
 * The account's tags (paths: hostinger/ladesk-php, adrianolaselva/ladesk-sdk; answer key `tags`;
 * creating answers the new tag's `id`; the name is the one field a source shows: FACTS.md).
 */
export const tagDescription: INodeProperties[] = [
	operationSelector(resource, 'getAll', [
		operation({ name: 'Create', value: 'create', action: 'Create a tag', description: 'Add a tag to the account', method: 'POST', url: '/tags/' }),
		operation({ name: 'Delete', value: 'delete', action: 'Delete a tag', description: 'Remove a tag from the account', method: 'DELETE', url: '/tags/{id}' }),
		operation({ name: 'Get', value: 'get', action: 'Get a tag', description: 'Get a tag', method: 'GET', url: '/tags/{id}' }),
		operation({ name: 'Get Many', value: 'getAll', action: 'Get many tags', description: 'Get every tag of the account', method: 'GET', url: '/tags', listKey: 'tags' }),
		operation({ name: 'Update', value: 'update', action: 'Update a tag', description: 'Change a tag', method: 'PUT', url: '/tags/{id}' }),
	]),
	idParameter(only(resource, 'delete', 'get', 'update'), 'tagId', 'Tag ID', 'The tag’s ID', 't001'),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: only(resource, 'create') },
		routing: { send: { preSend: [requiredBody('name', 'Name', 'name')] } },
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: only(resource, 'update') },
		options: [field('Name', 'name', 'name', 'body')],
	},
	jsonFieldsParameter(only(resource, 'create', 'update'), { description: OTHER_FIELDS }),
	...returnAllAndLimit(only(resource, 'getAll')),
];
