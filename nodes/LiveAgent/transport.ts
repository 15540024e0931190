import type { VendorApi } from '../shared/transport';
import { trimBaseUrl } from '../shared/transport';
import { readLiveAgentFailure, unwrap } from './helpers/errors';

export const liveAgentApi: VendorApi = {
	name: 'LiveAgent',
	credentialType: 'liveAgentApi',
	baseUrl: (credentials) => `${trimBaseUrl(credentials.url)}/api`,
	readFailure: readLiveAgentFailure,
	unwrap,
};
