import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operation } from '../../helpers/descriptions';

const resource = 'overview';

/** The live overview of chats and calls (paths and answer keys: hostinger/ladesk-php; FACTS.md). */
export const overviewDescription: INodeProperties[] = [
	operationSelector(resource, 'getChats', [
		operation({ name: 'Get Calls', value: 'getCalls', action: 'Get the calls overview', description: 'Get the overview of phone calls', method: 'GET', url: '/calls/overview', listKey: 'callsOverview' }),
		operation({ name: 'Get Chats', value: 'getChats', action: 'Get the chats overview', description: 'Get the overview of chats', method: 'GET', url: '/chats/overview', listKey: 'chatsOverview' }),
	]),
];
