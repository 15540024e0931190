import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, operationSelector } from '../../../shared/descriptions';
import { readRouting } from '../../../shared/retry';
import { sendDateRange, validateTimeZone } from '../../../shared/validate';
import { itemsFromEnvelope } from '../../helpers/output';
import { appLocator } from '../../helpers/descriptions';
import { keepFiltered, leadFields } from '../../helpers/filters';

const showOnlyForLeadGetMany = { resource: ['lead'], operation: ['getAll'] };

export const leadDescription: INodeProperties[] = [
	operationSelector('lead', 'getAll', [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many leads',
			description: 'Get the contacts (leads) your chat widgets collected',
			routing: readRouting({ method: 'GET', url: '/contacts' }, { postReceive: [itemsFromEnvelope('contacts', 'leads'), keepFiltered(leadFields)] }),
		},
	]),
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
					validateTimeZone('filters.timezone', 'Filters → Time Zone'),
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
				description:
					'Only the lead with this email address (not a documented filter of the API, so the node also applies it to the answer)',
				routing: { send: { type: 'query', property: 'email' } },
			},
			{
				displayName: 'Time Zone',
				name: 'timezone',
				type: 'string',
				default: '',
				placeholder: 'America/New_York',
				description: 'Time zone in which the days are counted. Empty means the account’s own.',
				routing: { send: { type: 'query', property: 'timezone' } },
			},
		],
	},
];
