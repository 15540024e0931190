import type { VendorApi } from '../shared/transport';
import { trimBaseUrl } from '../shared/transport';
import { readFiveChatFailure } from './helpers/errors';

export const fiveChatApi: VendorApi = {
	name: '5chat',
	credentialType: 'fiveChatApi',
	baseUrl: (credentials) => trimBaseUrl(credentials.baseUrl),
	readFailure: readFiveChatFailure,
};
