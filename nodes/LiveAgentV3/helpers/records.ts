import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import type { Show } from '../../shared/descriptions';
import { operationSelector, returnAllAndLimit } from '../../shared/descriptions';
import { requireText } from '../../shared/validate';
import type { BodyField } from './descriptions';
import { customFieldsOption, idParameter, list, optionalSwitch, read, sendBody, write } from './descriptions';
import type { FriendlyFilter } from './filters';
import { rawFiltersParameter, sendListQuery, sortOptions } from './filters';

/**
 * Contacts and companies (ContactsApi and CompaniesApi of QualityUnit/LiveAgent-api-python): the same
 * calls on `/contacts` and `/companies`, the fields of ContactRequest / CompanyRequest
 * (models/contact_request.py, company_request.py). `update` is PATCH for contacts (patch_contact) and
 * PUT for companies (update_company), the one each API offers for a change of some fields.
 */
export function peopleDescription(options: {
	resource: string;
	label: string;
	path: string;
	apiClass: string;
	updateMethod: 'PATCH' | 'PUT';
	updateName: string;
	/** The client's method that sends the whole record with PUT, when the API has one beside updateName. */
	replaceName?: string;
	fields: Array<BodyField & { description?: string }>;
	filters: Array<FriendlyFilter & { property: INodeProperties }>;
	columns: string;
	placeholder: string;
}): INodeProperties[] {
	const { resource, label, path, apiClass } = options;
	const show = (...operation: string[]): Show => ({ resource: [resource], operation });
	const lower = label.toLowerCase();
	const idName = `${resource}Id`;
	const idLabel = `${label} ID`;
	// ContactRequest and CompanyRequest carry custom_fields (list[CustomFields]): the last option
	const fieldOptions: INodeProperties[] = [
		...options.fields.map((field): INodeProperties => ({
			displayName: field.label,
			name: field.name,
			type: 'string',
			default: '',
			description: field.description ?? (field.list ? 'Separated by commas' : undefined),
		})),
		customFieldsOption,
	].sort((a, b) => a.displayName.localeCompare(b.displayName));

	/** preSend of Delete: `deleteTickets` is required by the API (client: delete_tickets, required). */
	async function sendDeleteTickets(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		requestOptions.qs = { ...requestOptions.qs, deleteTickets: optionalSwitch(this, 'deleteTickets', 'Delete Tickets') ?? false };
		return requestOptions;
	}

	/** preSend of Register: `registration_email` (required) and `sendRegistrationMail` in the query. */
	async function sendRegistration(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const email = requireText.call(this, 'registrationEmail', 'Registration Email');
		const mail = optionalSwitch(this, 'sendRegistrationMail', 'Send Registration Mail');
		requestOptions.qs = { ...requestOptions.qs, registration_email: email, ...(mail === undefined ? {} : { sendRegistrationMail: mail }) };
		return requestOptions;
	}

	return [
		operationSelector(resource, 'getAll', [
			{ name: 'Create', value: 'create', action: `Create a ${lower}`, description: `Create a ${lower} (${apiClass}.create_${resource})`, routing: write({ method: 'POST', url: path }, [sendBody('fields', 'Fields', options.fields, { customFields: true })]) },
			{ name: 'Delete', value: 'delete', action: `Delete a ${lower}`, description: `Delete a ${lower}, with or without its tickets (${apiClass}.delete_${resource})`, routing: write({ method: 'DELETE', url: `${path}/{id}` }, [sendDeleteTickets]) },
			{ name: 'Get', value: 'get', action: `Get a ${lower}`, description: `Get a ${lower} by its ID (${apiClass}.get_specific_${resource})`, routing: read({ method: 'GET', url: `${path}/{id}` }) },
			{
				name: 'Get Many',
				value: 'getAll',
				action: `Get many ${lower === 'company' ? 'companies' : `${lower}s`}`,
				description: `List, filtered and sorted, page by page (${apiClass}.get_${resource === 'company' ? 'companies' : `${resource}s`}_list)`,
				routing: list(path, [sendListQuery(options.filters)]),
			},
			...(options.replaceName
				? [
						{
							name: 'Replace',
							value: 'replace',
							action: `Replace a ${lower}`,
							description: `Send the whole ${lower}: fields left out are emptied (${apiClass}.${options.replaceName})`,
							// at least one field, so that an empty form cannot wipe the record
							routing: write({ method: 'PUT', url: `${path}/{id}` }, [sendBody('fields', 'Fields', options.fields, { atLeastOne: true, customFields: true })]),
						},
					]
				: []),
			{ name: 'Register', value: 'register', action: `Register a ${lower}`, description: `Make a visitor a registered ${lower} (${apiClass}.register_${resource})`, routing: write({ method: 'PUT', url: `${path}/{id}/_register` }, [sendRegistration]) },
			{ name: 'Unregister', value: 'unregister', action: `Unregister a ${lower}`, description: `Make a registered ${lower} a visitor again (${apiClass}.unregister_${resource})`, routing: write({ method: 'DELETE', url: `${path}/{id}/_unregister` }) },
			{
				name: 'Update',
				value: 'update',
				action: `Update a ${lower}`,
				description: `Change fields of a ${lower} (${apiClass}.${options.updateName})`,
				routing: write({ method: options.updateMethod, url: `${path}/{id}` }, [sendBody('updateFields', 'Update Fields', options.fields, { atLeastOne: true, customFields: true })]),
			},
		]),
		idParameter(show('delete', 'get', 'register', 'replace', 'unregister', 'update'), idName, idLabel, options.placeholder),
		{ displayName: 'Fields', name: 'fields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: { show: show('create', 'replace') }, options: fieldOptions },
		{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: { show: show('update') }, options: fieldOptions },
		{ displayName: 'Delete Tickets', name: 'deleteTickets', type: 'boolean', default: false, displayOptions: { show: show('delete') }, description: `Whether to delete the ${lower}’s tickets too; without it they stay` },
		{ displayName: 'Registration Email', name: 'registrationEmail', type: 'string', placeholder: 'name@email.com', required: true, default: '', displayOptions: { show: show('register') } },
		{ displayName: 'Send Registration Mail', name: 'sendRegistrationMail', type: 'boolean', default: true, displayOptions: { show: show('register') }, description: 'Whether LiveAgent mails the registration' },
		...returnAllAndLimit(show('getAll')),
		{ displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, displayOptions: { show: show('getAll') }, options: options.filters.map((filter) => filter.property) },
		rawFiltersParameter(show('getAll'), options.columns),
		sortOptions(show('getAll'), 'date_created or date_changed'),
	];
}

/**
 * Tags and groups (TagsApi, GroupsApi): lists that are not paged, get / update / delete by ID and a
 * create that needs a name; the fields of Tag (models/tag.py) or Group (models/group.py).
 */
export function labelDescription(options: { resource: string; label: string; path: string; apiClass: string; fields: BodyField[]; idProperty: INodeProperties }): INodeProperties[] {
	const { resource, label, path, apiClass } = options;
	const show = (...operation: string[]): Show => ({ resource: [resource], operation });
	const lower = label.toLowerCase();
	const fieldOptions: INodeProperties[] = options.fields.map((field) => ({ displayName: field.label, name: field.name, type: 'string', default: '', placeholder: field.name.toLowerCase().includes('color') ? 'FFFFFF' : undefined }));
	const nameField: BodyField = { name: 'name', property: 'name', label: 'Name' };
	return [
		operationSelector(resource, 'getAll', [
			{ name: 'Create', value: 'create', action: `Create a ${lower}`, description: `Create a ${lower} (${apiClass}.create_${resource})`, routing: write({ method: 'POST', url: path }, [sendBody('additionalFields', 'Additional Fields', options.fields, { required: [nameField] })]) },
			{ name: 'Delete', value: 'delete', action: `Delete a ${lower}`, description: `Delete a ${lower} (${apiClass}.delete_${resource})`, routing: write({ method: 'DELETE', url: `${path}/{id}` }) },
			{ name: 'Get', value: 'get', action: `Get a ${lower}`, description: `Get a ${lower} by its ID (${apiClass}.get_${resource}_by_id)`, routing: read({ method: 'GET', url: `${path}/{id}` }) },
			{ name: 'Get Many', value: 'getAll', action: `Get many ${lower}s`, description: `List every ${lower} of the account (${apiClass}.get_${resource}s_list)`, routing: read({ method: 'GET', url: path }) },
			{
				name: 'Update',
				value: 'update',
				action: `Update a ${lower}`,
				description: `Change the name or colors of a ${lower} (${apiClass}.update_${resource})`,
				routing: write({ method: 'PUT', url: `${path}/{id}` }, [sendBody('updateFields', 'Update Fields', [nameField, ...options.fields], { atLeastOne: true })]),
			},
		]),
		options.idProperty,
		{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', displayOptions: { show: show('create') } },
		{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: { show: show('create') }, options: fieldOptions },
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: show('update') },
			options: [{ displayName: 'Name', name: 'name', type: 'string', default: '' }, ...fieldOptions],
		},
		// not paged: Limit trims what the one answer holds
		...returnAllAndLimit(show('getAll')),
	];
}
