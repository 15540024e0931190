import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, operationSelector } from '../../../shared/descriptions';
import { only, operation } from '../../helpers/descriptions';

const resource = 'suggestionCategory';

/**
 * Suggestion categories (path with its trailing slash and answer key: hostinger/ladesk-php; FACTS.md).
 * No source gives a path for creating a suggestion, so that call stays out.
 */
export const suggestionCategoryDescription: INodeProperties[] = [
	operationSelector(resource, 'getAll', [
		operation({ name: 'Get Many', value: 'getAll', action: 'Get many suggestion categories', description: 'Get every suggestion category', method: 'GET', url: '/suggestioncategories/', listKey: 'suggestioncategories' }),
	]),
	...returnAllAndLimit(only(resource, 'getAll')),
];
