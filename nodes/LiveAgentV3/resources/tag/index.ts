import type { INodeProperties } from 'n8n-workflow';

import { idParameter } from '../../helpers/descriptions';
import { labelDescription } from '../../helpers/records';

/** TagsApi (client liveagent_api/api/tags_api.py); fields of Tag (models/tag.py). */
export const tagDescription: INodeProperties[] = labelDescription({
	resource: 'tag',
	label: 'Tag',
	path: '/tags',
	apiClass: 'TagsApi',
	fields: [
		{ name: 'backgroundColor', property: 'background_color', label: 'Background Color' },
		{ name: 'color', property: 'color', label: 'Color' },
		{ name: 'isPublic', property: 'is_public', label: 'Public (Y or N)' },
	],
	idProperty: {
		...idParameter({ resource: ['tag'], operation: ['delete', 'get', 'update'] }, 'tagId', 'Tag Name or ID', ''),
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTags' },
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
});
