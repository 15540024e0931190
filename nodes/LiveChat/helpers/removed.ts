import type { IExecuteSingleFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** What LiveChat took away, and what a workflow that still holds it should use instead. */
interface Removal {
	what: string;
	instead: string;
}

/**
 * Operations of earlier versions of this node whose LiveChat action is gone (FACTS.md, "What the
 * public record says today"; Agent Chat API changelog v3.6). Keyed `resource.operation`.
 */
const REMOVED_OPERATIONS: Record<string, Removal> = {
	'customer.create': {
		what: 'LiveChat removed Create Customer (create_customer) from the Agent Chat API in v3.6',
		instead:
			'A customer now comes into being when they start a chat. Use Customer → Update to set the name, email or session fields of an existing customer.',
	},
	'customer.follow': {
		what: 'LiveChat removed Follow Customer (follow_customer) from the Web API of every version in January 2026',
		instead:
			'Its replacement, subscribe_customers, exists only in the RTM (WebSocket) API. To hear about customers, use the LiveChat Trigger (e.g. Customer Session Fields Updated or Incoming Chat).',
	},
	'customer.unfollow': {
		what: 'LiveChat removed Unfollow Customer (unfollow_customer) from the Web API of every version in January 2026',
		instead:
			'Its replacement, unsubscribe_customers, exists only in the RTM (WebSocket) API. Remove this node: without Follow there is nothing to stop.',
	},
};

/** The multicast recipient LiveChat removed in every version (Agent Chat API changelog). */
export const REMOVED_CUSTOMER_RECIPIENTS: Removal = {
	what: 'LiveChat removed customers as Multicast recipients (recipients.customers.ids) in every API version',
	instead: 'Send to agents instead: All Agents, Agents or Agent Groups.',
};

/** The webhook action LiveChat removed in v3.6 (webhooks page v3.6, FACTS.md). */
export const REMOVED_WEBHOOK_ACTIONS: Record<string, Removal> = {
	incoming_customer: {
		what: 'LiveChat removed the Customer Created webhook (incoming_customer) in v3.6',
		instead:
			'Choose Incoming Chat instead: its payload carries the chat’s users, the customer among them. Customer Session Fields Updated tells of changes to a customer.',
	},
};

export function removedError(node: INode, removal: Removal, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(node, `${removal.what}`, { description: removal.instead, itemIndex });
}

/**
 * preSend on the Resource, before anything else: a saved workflow that still holds a removed
 * operation fails here, saying what LiveChat removed and what to use, and nothing is sent.
 */
export async function refuseRemovedOperation(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const key = `${String(this.getNodeParameter('resource', ''))}.${String(this.getNodeParameter('operation', ''))}`;
	const removal = REMOVED_OPERATIONS[key];
	if (removal) throw removedError(this.getNode(), removal, this.getItemIndex());
	return requestOptions;
}
