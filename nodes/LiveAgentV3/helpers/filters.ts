import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, PreSendAction } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Show } from '../../shared/descriptions';
import { readDate } from '../../shared/validate';
import { accountZone, LIVEAGENT_FORMAT } from '../../LiveAgent/helpers/dates';

/** One `[column, operator, value]` of v3's `_filters` (client: the `filters` parameter of every list). */
export type FilterRow = [string, string, string | number | boolean];

/** A friendly filter: the collection option `name` becomes `[column, operator, value]`. */
export interface FriendlyFilter {
	name: string;
	label: string;
	column: string;
	operator: string;
	/** A date, written as the account's wall clock (FACTS.md: v3 dates follow the account's zone). */
	date?: boolean;
}

const RAW = 'Filters (JSON)';
const FORMS = 'Use a JSON object such as {"status": "N"} or a list such as [["date_changed", ">=", "2024-05-01 00:00:00"]].';

function refuse(context: IExecuteSingleFunctions, message: string): never {
	throw new NodeOperationError(context.getNode(), message, { description: FORMS, itemIndex: context.getItemIndex() });
}

/**
 * The raw `_filters` the user wrote: a JSON object (`{"column": "value"}`) or a list of
 * `[column, operator, value]`, the two forms the client documents. Anything else fails naming the parameter.
 */
function rawFilters(context: IExecuteSingleFunctions): { object?: IDataObject; rows: FilterRow[] } {
	const raw = context.getNodeParameter('filtersJson', '') as unknown;
	if (raw === '' || raw === undefined || raw === null) return { rows: [] };
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return { rows: [] };
		try {
			parsed = JSON.parse(raw);
		} catch {
			refuse(context, `${RAW} is not valid JSON`);
		}
	}
	if (Array.isArray(parsed)) {
		parsed.forEach((row, index) => {
			const fits = Array.isArray(row) && row.length === 3 && typeof row[0] === 'string' && row[0] !== '' && typeof row[1] === 'string' && row[1] !== '' && ['string', 'number', 'boolean'].includes(typeof row[2]);
			if (!fits) refuse(context, `${RAW}: filter ${index + 1} is not [column, operator, value]`);
		});
		return { rows: parsed as FilterRow[] };
	}
	if (parsed && typeof parsed === 'object') {
		const object = parsed as IDataObject;
		const nested = Object.keys(object).find((key) => object[key] !== null && typeof object[key] === 'object');
		if (nested !== undefined) refuse(context, `${RAW}: the value of "${nested}" is not text or a number`);
		return { object, rows: Object.entries(object).map(([column, value]) => [column, '=', value as string]) };
	}
	return refuse(context, `${RAW} is neither a JSON object nor a list of filters`);
}

async function zoneOf(context: IExecuteSingleFunctions): Promise<string> {
	try {
		return accountZone(await context.getCredentials('liveAgentV3Api'));
	} catch (error) {
		throw new NodeOperationError(context.getNode(), (error as Error).message, { itemIndex: context.getItemIndex() });
	}
}

/**
 * preSend of a v3 list: the friendly Filters (`filters.<name>`) and the raw Filters (JSON) as one
 * `_filters` (a list of `[column, operator, value]`; a raw object alone goes as written), and the
 * sort options as `_sortField` / `_sortDir` (client: `sort_field`, `sort_dir` "ASC or DESC").
 */
export function sendListQuery(friendly: FriendlyFilter[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const rows: FilterRow[] = [];
		for (const filter of friendly) {
			const parameter = `filters.${filter.name}`;
			if (filter.date) {
				const date = readDate.call(this, parameter, `Filters → ${filter.label}`);
				if (date) rows.push([filter.column, filter.operator, date.setZone(await zoneOf(this)).toFormat(LIVEAGENT_FORMAT)]);
				continue;
			}
			const value = String(this.getNodeParameter(parameter, '') ?? '').trim();
			if (value !== '') rows.push([filter.column, filter.operator, value]);
		}
		const raw = rawFilters(this);
		requestOptions.qs = { ...requestOptions.qs };
		if (rows.length === 0 && raw.object) requestOptions.qs._filters = JSON.stringify(raw.object);
		else if (rows.length + raw.rows.length > 0) requestOptions.qs._filters = JSON.stringify([...rows, ...raw.rows]);
		const sortField = String(this.getNodeParameter('options.sortField', '') ?? '').trim();
		if (sortField) {
			requestOptions.qs._sortField = sortField;
			requestOptions.qs._sortDir = String(this.getNodeParameter('options.sortDirection', 'DESC'));
		}
		return requestOptions;
	};
}

/** The raw Filters (JSON) parameter of a list. */
export function rawFiltersParameter(show: Show, columns: string): INodeProperties {
	return {
		displayName: 'Filters (JSON)',
		name: 'filtersJson',
		type: 'json',
		default: '',
		displayOptions: { show },
		description: `LiveAgent's _filters as written: a JSON object {"column": "value"} or a list [["column", "operator", "value"], …]. Added to the Filters above. Columns: ${columns}.`,
	};
}

/** The Options of a list: the column to sort by and the direction. */
export function sortOptions(show: Show, columns: string, extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			...extra,
			{
				displayName: 'Sort By',
				name: 'sortField',
				type: 'string',
				default: '',
				placeholder: 'date_changed',
				description: `The column LiveAgent sorts by (_sortField), such as ${columns}`,
			},
			{
				displayName: 'Sort Direction',
				name: 'sortDirection',
				type: 'options',
				default: 'DESC',
				options: [
					{ name: 'Ascending', value: 'ASC' },
					{ name: 'Descending', value: 'DESC' },
				],
				description: 'Used with Sort By (_sortDir)',
			},
		],
	};
}
