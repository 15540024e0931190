import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { chatFilters, chatOutput } from '../../helpers/descriptions';

const showOnlyForChatGetMany = { resource: ['chat'], operation: ['getAll'] };

export const chatGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit(showOnlyForChatGetMany),
	chatFilters(showOnlyForChatGetMany),
	chatOutput(showOnlyForChatGetMany),
];
