import type { VendorApi } from '../shared/transport';
import { trimBaseUrl } from '../shared/transport';
import { readLiveAgentV3Failure } from './helpers/errors';

/** LiveAgent API v3 for code (dropdowns, the trigger): `<account>/api/v3`, the key in the `apikey` header. */
export const liveAgentV3Api: VendorApi = {
	name: 'LiveAgent',
	credentialType: 'liveAgentV3Api',
	baseUrl: (credentials) => `${trimBaseUrl(credentials.url)}/api/v3`,
	readFailure: readLiveAgentV3Failure,
};
