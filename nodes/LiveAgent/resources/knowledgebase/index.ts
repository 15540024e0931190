import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, operationSelector } from '../../../shared/descriptions';
import { only, operation, requiredBody } from '../../helpers/descriptions';

const resource = 'knowledgebase';

/** Knowledge bases and their entries (paths and answer keys: hostinger/ladesk-php; FACTS.md). */
export const knowledgebaseDescription: INodeProperties[] = [
	operationSelector(resource, 'search', [
		operation({ name: 'Get Entries', value: 'getEntries', action: 'Get knowledgebase entries', description: 'Get every entry (article) of the knowledge bases', method: 'GET', url: '/knowledgebase/entries', listKey: 'entries' }),
		operation({ name: 'Get Knowledge Bases', value: 'getKnowledgebases', action: 'Get the knowledge bases', description: 'Get every knowledge base of the account', method: 'GET', url: '/knowledgebase/knowledgebases', listKey: 'knowledgebases' }),
		// `entries` in the public client hostinger/ladesk-php; `articles` in our older notes: both are read
		operation({ name: 'Search', value: 'search', action: 'Search the knowledgebase', description: 'Search knowledgebase articles', method: 'GET', url: '/knowledgebase/search', listKey: ['entries', 'articles'] }),
	]),
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: only(resource, 'search') },
		description: 'The words to search for',
		routing: { send: { preSend: [requiredBody('query', 'Query', 'query', 'query')] } },
	},
	...returnAllAndLimit(only(resource, 'search', 'getEntries', 'getKnowledgebases')),
];
