import type { INodeProperties } from 'n8n-workflow';
import type { Show } from '../../shared/descriptions';

export { fiveChatPages } from './paging';

export function conversationLocator(show: Show): INodeProperties {
	return {
		displayName: 'Conversation',
		name: 'conversation',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The conversation, by its token',
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchConversations' },
			},
			{ displayName: 'By Token', name: 'id', type: 'string', placeholder: 'c_8f2a9d' },
		],
	};
}

export function ticketLocator(show: Show): INodeProperties {
	return {
		displayName: 'Ticket',
		name: 'ticketId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTickets', searchable: true },
			},
			{ displayName: 'ID', name: 'id', type: 'string', placeholder: '42' },
		],
	};
}

export const languageOption: INodeProperties = {
	displayName: 'Language',
	name: 'lang',
	type: 'string',
	default: '',
	placeholder: 'en',
	description: 'Language code in which 5chat writes localized fields such as tags. Empty means the website’s own.',
	routing: { send: { type: 'query', property: 'lang' } },
};

/**
 * The status and priority values 5chat's documentation shows. It does not publish the full lists:
 * any other value can be given with an expression.
 */
export const ticketStatuses = [
	{ name: 'New', value: 'NEW' },
	{ name: 'Pending', value: 'PENDING' },
];

export const ticketPriorities = [
	{ name: 'Medium', value: 'MEDIUM' },
	{ name: 'High', value: 'HIGH' },
];
