import type { INodeProperties } from 'n8n-workflow';

import { validateWholeNumber } from './validate';
import { pairWithInput } from './errors';

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

/**
 * Return All + Limit for a list the vendor answers in one go: Limit trims what the engine hands on.
 * Lists that the vendor pages get their page size from the vendor's paginator instead.
 */
export function returnAllAndLimit(show: Show, maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			default: 50,
			description: 'Max number of results to return',
			routing: {
				send: { preSend: [validateWholeNumber('limit', 'Limit', 1)] },
				output: { maxResults: '={{$value}}' },
			},
		},
	];
}

/**
 * n8n's standard request options for declarative nodes: the engine sends every input item's
 * request at once unless the user sets batching here.
 */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	// the last property of every node, so its step runs after all the others (see pairWithInput)
	routing: { output: { postReceive: [pairWithInput] } },
	options: [
		{
			displayName: 'Batching',
			name: 'batching',
			placeholder: 'Add Batching',
			type: 'fixedCollection',
			typeOptions: { multipleValues: false },
			default: { batch: {} },
			options: [
				{
					displayName: 'Batching',
					name: 'batch',
					values: [
						{
							displayName: 'Items per Batch',
							name: 'batchSize',
							type: 'number',
							typeOptions: { minValue: -1 },
							default: 50,
							description:
								'Input will be split in batches to throttle requests. -1 for disabled. 0 will be treated as 1.',
						},
						{
							displayName: 'Batch Interval (Ms)',
							name: 'batchInterval',
							type: 'number',
							typeOptions: { minValue: 0 },
							default: 1000,
							description: 'Time (in milliseconds) between each batch of requests. 0 for disabled.',
						},
					],
				},
			],
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10000,
			description:
				'Time in ms to wait for the server to send response headers (and start the response body) before aborting the request',
		},
	],
};
