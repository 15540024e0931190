import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { itemLinksProperty } from '../shared/descriptions';
import { continueOnFailure, refusalsWithoutErrorCode } from '../shared/errors';
import { dropEmptyQuery } from '../shared/validate';
import { handleAcmeError } from './helpers/errors';
import { ticketDescription } from './resources/ticket';

/** The recipe's example vendor (README, "Adding a vendor"): the least a vendor folder holds. */
export class Acme implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Acme Chat',
		name: 'acme',
		icon: { light: 'file:acme.svg', dark: 'file:acme.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, get and list tickets in Acme Chat',
		defaults: { name: 'Acme Chat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'acmeApi', required: true }],
		requestDefaults: {
			baseURL: '={{String($credentials.baseUrl ?? "").trim().replace(/\\/+$/, "")}}',
			headers: { Accept: 'application/json' },
			json: true,
			// Every answer goes through handleAcmeError, which knows the vendor's error shape.
			ignoreHttpStatusErrors: true,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Ticket', value: 'ticket' }],
				default: 'ticket',
				routing: { send: { preSend: [dropEmptyQuery] }, output: { postReceive: [continueOnFailure(handleAcmeError)] } },
			},
			...ticketDescription,
			itemLinksProperty,
		],
	};

	// refusals of our own show no "Error code none" (see refusalsWithoutErrorCode)
	constructor() {
		this.description = refusalsWithoutErrorCode(this.description);
	}
}
