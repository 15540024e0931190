/**
 * The fault suite's table, read from the simulators (test/simulators/<vendor>.ts, each `sandbox`
 * declares its rows): for each vendor, how its simulator starts with a canary secret, a safe read, a
 * create/send, continueOnFail inputs, bad input and IDs with path characters, and its polling trigger.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { FaultRows, PollingTriggerFacts, Simulator, SimulatedVendor } from '../simulators/base';
import { credentialsWithSecret, simulatedVendors } from '../simulators/base';

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
