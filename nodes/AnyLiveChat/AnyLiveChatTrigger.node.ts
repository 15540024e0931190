import type {
	IHookFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { ChatEvent, ChatPlatform } from '../shared/platform';
import { PLATFORMS } from '../shared/platforms';
import { rejectDelivery, repeatWindowOptions } from '../shared/webhook';
import { searchApps } from '../SocialIntents/methods/listSearch';

const EVENTS: Array<{ name: string; value: ChatEvent; description: string }> = [
	{ name: 'Conversation Ended', value: 'conversationEnded', description: 'A conversation ends, as the platform reports it' },
	{ name: 'New Conversation', value: 'newConversation', description: 'A conversation starts' },
];

const names = (platforms: ChatPlatform[]) => platforms.map((platform) => platform.name).join(', ');
const eventName = (event: ChatEvent) => EVENTS.find((known) => known.value === event)?.name ?? event;
const tells = (platform: ChatPlatform, event: ChatEvent) => platform.trigger?.events[event] !== undefined;
const pushing = PLATFORMS.filter((platform) => platform.trigger?.webhook);

/** Per platform: what each event means there, or a notice that it cannot tell it. */
function eventNotices(): INodeProperties[] {
	return PLATFORMS.flatMap((platform) =>
		EVENTS.map(({ name, value }) => {
			const meaning = platform.trigger?.events[value];
			const how = platform.trigger?.webhook ? 'pushed by its webhook' : 'found by polling';
			return {
				displayName: meaning
					? `${platform.name}: ${name} is when ${meaning}, ${how}.`
					: `${platform.name} cannot tell ${name}: its API reports no such event. Platforms that can: ${names(PLATFORMS.filter((other) => tells(other, value)))}.`,
				name: `notice_${platform.key}_${value}`,
				type: 'notice' as const,
				default: '',
				displayOptions: { show: { platform: [platform.key], event: [value] } },
			};
		}),
	);
}

/** Properties of the platforms shown only while each is chosen (its credential's Authentication, the trigger's own). */
const platformProperties = PLATFORMS.flatMap((platform) =>
	[...(platform.properties ?? []), ...(platform.trigger?.properties ?? [])].map((property) => ({
		...property,
		displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, platform: [platform.key] } },
	})),
);

/**
 * The chosen platform and event; a NodeOperationError naming both when the platform cannot tell the
 * event (at activation: checkExists() for a webhook platform, the first poll for a polling one).
 */
function chosen(context: IHookFunctions | IPollFunctions | IWebhookFunctions): { platform: ChatPlatform; event: ChatEvent } {
	const key = context.getNodeParameter('platform') as string;
	const event = context.getNodeParameter('event') as ChatEvent;
	const platform = PLATFORMS.find((candidate) => candidate.key === key);
	if (!platform) {
		throw new NodeOperationError(context.getNode(), `Platform "${key}" is not one this trigger knows`, { description: `Choose one of ${names(PLATFORMS)}.` });
	}
	if (!EVENTS.some((known) => known.value === event)) {
		throw new NodeOperationError(context.getNode(), `Event "${String(event)}" is not one this trigger knows`);
	}
	if (!tells(platform, event)) {
		throw new NodeOperationError(context.getNode(), `${platform.name} cannot tell ${eventName(event)}`, {
			description: `${platform.name}'s API reports no such event. Platforms that can: ${names(PLATFORMS.filter((other) => tells(other, event))) || 'none'}.`,
		});
	}
	return { platform, event };
}

/**
 * Test deliveries ("Listen for test event") handed from webhook() to poll(). For the manual execution
 * a test delivery starts, n8n (2.0.3 and 2.41.1, WorkflowExecute.runNode) runs a polling node's poll()
 * in place of the data webhook() returned: webhook() leaves its items here, by workflow and node, and
 * that poll() takes them. In this process only, like n8n's own test webhooks.
 */
const testDeliveries = new Map<string, INodeExecutionData[][]>();
const TEST_DELIVERIES_KEPT = 50;
const testKey = (context: IPollFunctions | IWebhookFunctions) => `${context.getWorkflow().id ?? ''}:${context.getNode().name}`;

/** A platform's webhook part; the hooks run only for a platform that has one (the httpMethod expression). */
function webhookOf(context: IHookFunctions | IWebhookFunctions, platform: ChatPlatform) {
	const webhook = platform.trigger?.webhook;
	if (!webhook) throw new NodeOperationError(context.getNode(), `${platform.name} pushes nothing to this trigger: it is polled`);
	return webhook;
}

export class AnyLiveChatTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Live Chat Trigger',
		name: 'anyLiveChatTrigger',
		icon: { light: 'file:anyLiveChat.svg', dark: 'file:anyLiveChat.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["platform"] + ": " + $parameter["event"]}}',
		description: `Starts the workflow when a conversation starts or ends on any of ${names(PLATFORMS)}, with the normalized transcript: by the platform's webhook where it pushes (${names(pushing)}), by polling where it cannot`,
		defaults: { name: 'Live Chat Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: PLATFORMS.flatMap((platform) =>
			platform.credentials.map((credential) => ({
				...credential,
				displayOptions: { ...credential.displayOptions, show: { ...credential.displayOptions?.show, platform: [platform.key] } },
			})),
		),
		// One node, two sources: n8n registers no webhook whose method evaluates to '' (webhook.service,
		// getNodeWebhooks), so a polled platform gets only the poller, whose poll() a pushing platform answers with null.
		polling: true,
		webhooks: [
			{
				name: 'default',
				httpMethod: `={{ ${JSON.stringify(pushing.map((platform) => platform.key))}.includes($parameter["platform"]) ? "POST" : "" }}`,
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName: 'Platform',
				name: 'platform',
				type: 'options',
				noDataExpression: true,
				options: PLATFORMS.map((platform) => ({ name: platform.name, value: platform.key })),
				default: 'liveChat',
				description: `The live chat platform to watch, with its credential. ${names(pushing)} push their events to n8n (n8n must be reachable from them); the others are polled.`,
			},
			...platformProperties,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: EVENTS,
				default: 'newConversation',
			},
			...eventNotices(),
			repeatWindowOptions,
		],
	};

	methods = { listSearch: { searchApps } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const { platform, event } = chosen(this);
				return await webhookOf(this, platform).checkExists(this, event);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const { platform, event } = chosen(this);
				return await webhookOf(this, platform).create(this, event);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				// Removing needs no event: even one the platform cannot tell leaves nothing behind.
				const key = this.getNodeParameter('platform') as string;
				const webhook = PLATFORMS.find((platform) => platform.key === key)?.trigger?.webhook;
				return webhook ? await webhook.delete(this) : true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		let platform: ChatPlatform;
		let event: ChatEvent;
		try {
			({ platform, event } = chosen(this));
			webhookOf(this, platform);
		} catch (error) {
			return rejectDelivery.call(this, 404, (error as Error).message);
		}
		const received = await platform.trigger!.webhook!.receive(this, event);
		if ('answer' in received) return received.answer;
		if (!received.transcripts.length) return { webhookResponse: { ignored: 'no conversation' } };
		const workflowData = [this.helpers.returnJsonArray(received.transcripts.map((transcript) => ({ ...transcript, event })))];
		if (this.getMode() === 'manual') {
			testDeliveries.set(testKey(this), workflowData);
			if (testDeliveries.size > TEST_DELIVERIES_KEPT) testDeliveries.delete(testDeliveries.keys().next().value as string);
		}
		return { workflowData };
	}

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const key = this.getNodeParameter('platform') as string;
		// A pushing platform's events come by its webhook: its poller asks nothing, and a manual run
		// hands on the test delivery webhook() received (see testDeliveries).
		if (PLATFORMS.find((platform) => platform.key === key)?.trigger?.webhook) {
			if (this.getMode() !== 'manual') return null;
			const delivered = testDeliveries.get(testKey(this));
			testDeliveries.delete(testKey(this));
			return delivered ?? null;
		}
		const { platform, event } = chosen(this);
		if (!platform.trigger?.poll) throw new NodeOperationError(this.getNode(), `${platform.name} offers this trigger neither a webhook nor polling`);
		const { transcripts, save } = await platform.trigger.poll(this, event);
		const items = this.helpers.returnJsonArray(transcripts.map((transcript) => ({ ...transcript, event })));
		// Saved only now that the poll can no longer fail: n8n emits what we return.
		save();
		return items.length ? [items] : null;
	}
}
