import type { INodeProperties } from 'n8n-workflow';

import { peopleDescription } from '../../helpers/records';

/** CompaniesApi (client liveagent_api/api/companies_api.py); fields of CompanyRequest (models/company_request.py). */
export const companyDescription: INodeProperties[] = peopleDescription({
	resource: 'company',
	label: 'Company',
	path: '/companies',
	apiClass: 'CompaniesApi',
	updateMethod: 'PUT',
	updateName: 'update_company',
	placeholder: 'CO00001',
	columns: 'id, name, system_name, type, emails, phones, groups, city, countrycode, date_created, date_changed',
	fields: [
		{ name: 'city', property: 'city', label: 'City' },
		{ name: 'countryCode', property: 'countrycode', label: 'Country Code', description: 'Two letters, such as SK' },
		{ name: 'description', property: 'description', label: 'Description' },
		{ name: 'emails', property: 'emails', label: 'Emails', list: true },
		{ name: 'groups', property: 'groups', label: 'Group IDs', list: true, description: 'IDs of contact groups, separated by commas (Group → Get Many lists them)' },
		{ name: 'language', property: 'language', label: 'Language', description: 'A language code, such as en' },
		{ name: 'name', property: 'name', label: 'Name' },
		{ name: 'note', property: 'note', label: 'Note' },
		{ name: 'phones', property: 'phones', label: 'Phones', list: true },
	],
	filters: [
		{ name: 'changedSince', label: 'Changed Since', column: 'date_changed', operator: '>=', date: true, property: { displayName: 'Changed Since', name: 'changedSince', type: 'dateTime', default: '', description: 'Companies changed on or after this time' } },
		{ name: 'email', label: 'Email', column: 'emails', operator: '=', property: { displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Companies with this email among theirs' } },
		{ name: 'name', label: 'Name', column: 'name', operator: 'like', property: { displayName: 'Name Contains', name: 'name', type: 'string', default: '' } },
	],
});
