import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { idParameter, jsonFieldsParameter, only, operation } from '../../helpers/descriptions';

const resource = 'file';

/** Files (paths: hostinger/ladesk-php `getFile`, `addFile`, `deleteFile`; FACTS.md "Files (retrieve, add)"). */
export const fileDescription: INodeProperties[] = [
	operationSelector(resource, 'get', [
		operation({ name: 'Add', value: 'add', action: 'Add a file', description: 'Upload a file with the fields LiveAgent asks for', method: 'POST', url: '/files' }),
		operation({ name: 'Delete', value: 'delete', action: 'Delete a file', description: 'Delete a file', method: 'DELETE', url: '/files/{id}' }),
		operation({ name: 'Get', value: 'get', action: 'Get a file', description: 'Get a file’s details', method: 'GET', url: '/files/{id}' }),
	]),
	idParameter(only(resource, 'delete', 'get'), 'fileId', 'File ID', 'The file’s ID', 'f1l3x9'),
	jsonFieldsParameter(only(resource, 'add'), {
		name: 'fileFields',
		displayName: 'File Fields (JSON)',
		required: true,
		description: 'The file’s fields as a JSON object, sent as form fields. No source names them (the public client passes them through), so take their names from your LiveAgent’s API page.',
	}),
];
