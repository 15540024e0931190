/**
 * The local sandbox: every vendor simulator on a fixed loopback port, and the credentials that
 * point n8n at them. `npm start` and the e2e tests use the same pieces.
 */
import type { Simulator } from '../simulators/base';
import { SocialIntentsSimulator } from '../simulators/socialIntents';
import type { Credential } from './n8n';

export interface SandboxVendor {
	simulator: Simulator;
	port: number;
	credentials: (baseUrl: string) => Credential[];
}

export function sandboxVendors(): Record<string, SandboxVendor> {
	const socialIntents = new SocialIntentsSimulator();
	return {
		socialIntents: {
			simulator: socialIntents,
			port: 4101,
			credentials: (baseUrl) => [
				{
					id: 'sandboxSocialInt',
					name: 'Social Intents (sandbox)',
					type: 'socialIntentsApi',
					data: { accountId: socialIntents.accountId, apiToken: socialIntents.apiToken, baseUrl },
				},
			],
		},
	};
}
