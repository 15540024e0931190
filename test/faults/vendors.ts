/**
 * The fault suite's table, read from the simulators (test/simulators/<vendor>.ts, each `sandbox`
 * declares its rows): for each vendor, how its simulator starts with a canary secret, a safe read, a
 * create/send, continueOnFail inputs, bad input and IDs with path characters, and its polling trigger.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { BadInput, FaultRows, PollingTriggerFacts, Simulator, SimulatedVendor } from '../simulators/base';
import { credentialsWithSecret, simulatedVendors } from '../simulators/base';
import type { ChatPlatform, PlatformOperation } from '../../nodes/shared/platform';
import { supports } from '../../nodes/shared/platform';
import { PLATFORMS } from '../../nodes/shared/platforms';

export type { BadInput, PathIdCase, Target, WriteCase } from '../simulators/base';

export type Credentials = Record<string, ICredentialDataDecryptedObject>;

export type TriggerSpec = PollingTriggerFacts;

export interface VendorSpec extends FaultRows {
	key: string;
	nodeType: string;
	canary: string;
	/** Strings that carry the canary in another form (Basic auth). */
	canaryForms: (simulator: Simulator) => string[];
	start: () => Promise<{ simulator: Simulator; credentials: Credentials }>;
	declared: SimulatedVendor;
	/** Parameters every run of this spec carries (the Live Chat node's Platform). */
	baseParameters?: IDataObject;
	/** Whether the node offers `resource.operation` here (the Live Chat node: what the platform can do); all when left out. */
	offers?: (operation: string) => boolean;
}

const canaryOf = (vendor: string) => `CANARY-${vendor}-7f3a`;

/** The sandbox credentials of a simulator, keyed by credential type. */
function credentialsOf(list: Array<{ type: string; data: Record<string, unknown> }>): Credentials {
	return Object.fromEntries(list.map(({ type, data }) => [type, { ...data } as ICredentialDataDecryptedObject]));
}

const basic = (user: string, secret: string) => Buffer.from(`${user}:${secret}`).toString('base64');
const PATH_ID = '../admin?x=1#frag';

/** The fault suite's row set of one declared vendor: its simulator started with the canary as its secret. */
export function vendorSpec(declared: SimulatedVendor): VendorSpec {
	const canary = canaryOf(declared.key);
	return {
		...declared.faults,
		key: declared.key,
		nodeType: declared.nodeType,
		canary,
		canaryForms: (simulator) => (declared.basicUser ? [basic(declared.basicUser(simulator), canary)] : []),
		start: async () => {
			const simulator = declared.withSecret(canary);
			await simulator.start();
			return { simulator, credentials: credentialsOf(credentialsWithSecret(declared, simulator, canary)) };
		},
		declared,
	};
}

export const vendors: VendorSpec[] = simulatedVendors().map(vendorSpec);

export const PATH_IDS = [PATH_ID, 'a/b', 'id?y=2', 'id#frag'];

const getOne = { resource: 'conversation', operation: 'getAll', returnAll: false, limit: 1 };

/** Bad input the Live Chat node refuses on every platform, where the platform offers the operation. */
const PLATFORM_BAD_INPUT: Array<BadInput & { operation: PlatformOperation }> = [
	{ operation: 'conversation.get', name: 'empty Conversation ID (expression)', parameters: { resource: 'conversation', operation: 'get', conversationId: '={{ "" }}' }, message: 'Conversation ID' },
	{ operation: 'message.send', name: 'empty Text (expression)', parameters: { resource: 'message', operation: 'send', conversationId: 'C1', text: '={{ " " }}' }, message: 'Text' },
	{ operation: 'contact.get', name: 'empty Contact ID (expression)', parameters: { resource: 'contact', operation: 'get', contactId: '={{ "" }}' }, message: 'Contact ID' },
	{ operation: 'conversation.getAll', name: 'impossible date', parameters: { ...getOne, filters: { from: '2024-02-30T10:00:00Z' } }, message: 'Started After' },
	{ operation: 'conversation.getAll', name: 'text for the Limit', parameters: { ...getOne, limit: '={{ "twelve" }}' }, message: 'Limit' },
	{ operation: 'conversation.getAll', name: 'an unknown status', parameters: { ...getOne, filters: { statuses: ['pending'] } }, message: 'Status' },
	{ operation: 'conversation.getAll', name: 'text for the Timeout', parameters: { ...getOne, requestOptions: { timeout: '={{ "soon" }}' } }, message: 'Timeout' },
];

/**
 * The fault suite's rows for the Live Chat node on one platform: the vendor's simulator and canary,
 * Conversation → Get Many (Limit 1) as the safe read, the platform's send where it has one, a failing
 * middle item by an impossible date, the bad input every platform refuses, and the platform's path IDs.
 * Reads 100 items, not 500: the node runs items one after the other, each a list and its transcripts.
 */
export function platformSpec(declared: SimulatedVendor, platform: ChatPlatform): VendorSpec {
	const rows = declared.platformFaults!;
	const on = (parameters: IDataObject): IDataObject => ({ platform: platform.key, ...parameters });
	return {
		...vendorSpec(declared),
		key: `${declared.key} (Live Chat node)`,
		nodeType: 'anyLiveChat',
		read: { parameters: on(getOne), target: rows.listTarget },
		write: rows.write && { ...rows.write, parameters: on(rows.write.parameters) },
		continueOnFail: {
			parameters: on({ ...getOne, filters: { from: '={{ $json.from }}' } }),
			inputs: [{ from: '2020-01-01T00:00:00Z' }, { from: '2024-02-30T00:00:00Z' }, { from: '2020-01-01T00:00:00Z' }],
		},
		badInput: PLATFORM_BAD_INPUT.filter((row) => supports(platform, row.operation)).map(({ name, parameters, message }) => ({ name, parameters: on(parameters), message })),
		pathIds: rows.pathIds.map((row) => ({ ...row, parameters: (id: string) => on(row.parameters(id)) })),
		neededExtras: undefined,
		trigger: undefined,
		manyItems: 100,
		baseParameters: { platform: platform.key },
		offers: (operation) => supports(platform, operation as PlatformOperation),
	};
}

/** The Live Chat node on every platform whose simulator declares its rows. */
export const platformSpecs: VendorSpec[] = simulatedVendors().flatMap((declared) => {
	const platform = PLATFORMS.find((candidate) => candidate.key === declared.key);
	return platform && declared.platformFaults ? [platformSpec(declared, platform)] : [];
});
