import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { fail, json, requireText } from '../../helpers/params';
import { operationSelector, idField } from '../../../shared/descriptions';
import { operation } from '../../helpers/descriptions';

const show = (...operations: string[]) => ({ resource: ['property'], operation: operations });

type Level = 'chat' | 'thread' | 'event';

function target(context: IExecuteSingleFunctions, level: Level): IDataObject {
	if (level === 'chat') return { id: requireText(context, 'chatId', 'Chat ID') };
	const body: IDataObject = {
		chat_id: requireText(context, 'chatId', 'Chat ID'),
		thread_id: requireText(context, 'threadId', 'Thread ID'),
	};
	if (level === 'event') body.event_id = requireText(context, 'eventId', 'Event ID');
	return body;
}

function properties(context: IExecuteSingleFunctions, remove: boolean): IDataObject {
	const value = json(context, 'properties', 'Properties') as IDataObject | undefined;
	if (!value || Object.keys(value).length === 0) fail(context, 'Properties: give at least one namespace');
	for (const [namespace, entries] of Object.entries(value)) {
		const ok = remove
			? Array.isArray(entries) && entries.every((entry) => typeof entry === 'string')
			: typeof entries === 'object' && entries !== null && !Array.isArray(entries);
		if (!ok) {
			fail(
				context,
				remove
					? `Properties → ${namespace} must be a list of property names`
					: `Properties → ${namespace} must be an object of property names and values`,
			);
		}
	}
	return value;
}

const levels: Array<[Level, string]> = [
	['chat', 'Chat'],
	['thread', 'Thread'],
	['event', 'Event'],
];

const operations = levels.flatMap(([level, label]) => [
	operation({
		name: `Update ${label} Properties`,
		value: `update${label}`,
		action: `update_${level}_properties`,
		title: `Update the properties of ${level === 'event' ? 'an' : 'a'} ${level}`,
		description: `Set properties of ${level === 'event' ? 'an' : 'a'} ${level}`,
		body() {
			return { ...target(this, level), properties: properties(this, false) };
		},
	}),
	operation({
		name: `Delete ${label} Properties`,
		value: `delete${label}`,
		action: `delete_${level}_properties`,
		title: `Delete the properties of ${level === 'event' ? 'an' : 'a'} ${level}`,
		description: `Delete properties of ${level === 'event' ? 'an' : 'a'} ${level}`,
		body() {
			return { ...target(this, level), properties: properties(this, true) };
		},
	}),
]);

const all = levels.flatMap(([, label]) => [`update${label}`, `delete${label}`]);
const threadLevel = ['updateThread', 'deleteThread', 'updateEvent', 'deleteEvent'];

export const propertyDescription: INodeProperties[] = [
	// A plain comparison: the names are ASCII, and the first localeCompare of a process loads ICU's
	// collation (15–20 ms), which would be paid while n8n loads the node.
	operationSelector('property', 'updateChat', operations.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))),
	idField('Chat ID', 'chatId', show(...all), 'Q1VZR7AJCE'),
	idField('Thread ID', 'threadId', show(...threadLevel), 'Q1WZ073OB7'),
	idField('Event ID', 'eventId', show('updateEvent', 'deleteEvent'), 'Q1GZ3FNAU9_1'),
	{
		displayName: 'Properties',
		name: 'properties',
		type: 'json',
		required: true,
		default: '{\n  "namespace": {\n    "name": "value"\n  }\n}',
		description: 'Properties to set, by namespace: {"namespace": {"name": "value"}}',
		displayOptions: { show: show('updateChat', 'updateThread', 'updateEvent') },
	},
	{
		displayName: 'Properties',
		name: 'properties',
		type: 'json',
		required: true,
		default: '{\n  "namespace": ["name"]\n}',
		description: 'Properties to delete, by namespace: {"namespace": ["name"]}',
		displayOptions: { show: show('deleteChat', 'deleteThread', 'deleteEvent') },
	},
];
