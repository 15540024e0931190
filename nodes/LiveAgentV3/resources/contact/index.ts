import type { INodeProperties } from 'n8n-workflow';

import { peopleDescription } from '../../helpers/records';

/** ContactsApi (client liveagent_api/api/contacts_api.py); fields of ContactRequest (models/contact_request.py). */
export const contactDescription: INodeProperties[] = peopleDescription({
	resource: 'contact',
	label: 'Contact',
	path: '/contacts',
	apiClass: 'ContactsApi',
	updateMethod: 'PATCH',
	updateName: 'patch_contact',
	replaceName: 'update_contact',
	placeholder: 'CT00001',
	columns: 'id, company_id, firstname, lastname, system_name, type, emails, phones, groups, city, countrycode, date_created, date_changed',
	fields: [
		{ name: 'city', property: 'city', label: 'City' },
		{ name: 'companyId', property: 'company_id', label: 'Company ID' },
		{ name: 'countryCode', property: 'countrycode', label: 'Country Code', description: 'Two letters, such as SK' },
		{ name: 'description', property: 'description', label: 'Description' },
		{ name: 'emails', property: 'emails', label: 'Emails', list: true },
		{ name: 'firstName', property: 'firstname', label: 'First Name' },
		{ name: 'groups', property: 'groups', label: 'Group IDs', list: true, description: 'IDs of contact groups, separated by commas (Group → Get Many lists them)' },
		{ name: 'jobPosition', property: 'job_position', label: 'Job Position' },
		{ name: 'language', property: 'language', label: 'Language', description: 'A language code, such as en' },
		{ name: 'lastName', property: 'lastname', label: 'Last Name' },
		{ name: 'note', property: 'note', label: 'Note' },
		{ name: 'phones', property: 'phones', label: 'Phones', list: true },
	],
	filters: [
		{ name: 'changedSince', label: 'Changed Since', column: 'date_changed', operator: '>=', date: true, property: { displayName: 'Changed Since', name: 'changedSince', type: 'dateTime', default: '', description: 'Contacts changed on or after this time' } },
		{ name: 'companyId', label: 'Company ID', column: 'company_id', operator: '=', property: { displayName: 'Company ID', name: 'companyId', type: 'string', default: '' } },
		{ name: 'email', label: 'Email', column: 'emails', operator: '=', property: { displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Contacts with this email among theirs' } },
		{ name: 'firstName', label: 'First Name', column: 'firstname', operator: 'like', property: { displayName: 'First Name Contains', name: 'firstName', type: 'string', default: '' } },
		{ name: 'lastName', label: 'Last Name', column: 'lastname', operator: 'like', property: { displayName: 'Last Name Contains', name: 'lastName', type: 'string', default: '' } },
		{
			name: 'type',
			label: 'Type',
			column: 'type',
			operator: '=',
			property: { displayName: 'Type', name: 'type', type: 'options', default: 'R', options: [{ name: 'Registered', value: 'R' }, { name: 'Visitor', value: 'V' }] },
		},
	],
});
