import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operation } from '../../helpers/descriptions';

export const applicationDescription: INodeProperties[] = [
	operationSelector('application', 'getStatus', [
		operation({ name: 'Get Status', value: 'getStatus', action: 'Get the application status', description: 'Get the installation date and the latest versions', method: 'GET', url: '/application/status' }),
	]),
];
