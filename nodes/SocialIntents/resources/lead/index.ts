import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { singleRead } from '../../../shared/retry';
import { sendDateRange } from '../../../shared/validate';
import { itemsFromEnvelope } from '../../helpers/chats';
import { appLocator } from '../../helpers/descriptions';

const showOnlyForLeads = { resource: ['lead'] };
const showOnlyForLeadGetMany = { resource: ['lead'], operation: ['getAll'] };

export const leadDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForLeads },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many leads',
				description: 'Get the contacts (leads) your chat widgets collected',
				routing: {
					request: { method: 'GET', url: '/contacts' },
					send: { paginate: true },
					operations: { pagination: singleRead },
					output: { postReceive: [itemsFromEnvelope('contacts', 'leads')] },
				},
			},
		],
		default: 'getAll',
	},
	...returnAllAndLimit(showOnlyForLeadGetMany),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showOnlyForLeadGetMany },
		routing: {
			send: {
				preSend: [
					sendDateRange({
						from: { parameter: 'filters.dateFrom', label: 'Filters → Date From', query: 'date_from' },
						to: { parameter: 'filters.dateTo', label: 'Filters → Date To', query: 'date_to' },
						format: 'yyyy-MM-dd',
					}),
				],
			},
		},
		options: [
			appLocator({
				description: 'Only leads of this app (chat widget)',
				routing: { send: { type: 'query', property: 'app_id' } },
			}),
			{
				displayName: 'Date From',
				name: 'dateFrom',
				type: 'dateTime',
				default: '',
				description: 'Only leads from this day on',
			},
			{
				displayName: 'Date To',
				name: 'dateTo',
				type: 'dateTime',
				default: '',
				description: 'Only leads up to this day',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				default: '',
				placeholder: 'name@email.com',
				description: 'Only the lead with this email address',
				routing: { send: { type: 'query', property: 'email' } },
			},
		],
	},
];
