import type { INodeProperties } from 'n8n-workflow';

import { idParameter } from '../../helpers/descriptions';
import { labelDescription } from '../../helpers/records';

/** GroupsApi (client liveagent_api/api/groups_api.py): contact groups; fields of Group (models/group.py). */
export const groupDescription: INodeProperties[] = labelDescription({
	resource: 'group',
	label: 'Group',
	path: '/groups',
	apiClass: 'GroupsApi',
	fields: [
		{ name: 'backgroundColor', property: 'background_color', label: 'Background Color' },
		{ name: 'color', property: 'color', label: 'Color' },
	],
	idProperty: idParameter({ resource: ['group'], operation: ['delete', 'get', 'update'] }, 'groupId', 'Group ID', 'g001'),
});
