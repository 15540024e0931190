import type { VendorApi } from '../shared/transport';
import { trimBaseUrl } from '../shared/transport';
import { readSocialIntentsFailure } from './helpers/errors';

export const socialIntentsApi: VendorApi = {
	name: 'Social Intents',
	credentialType: 'socialIntentsApi',
	baseUrl: (credentials) => trimBaseUrl(credentials.baseUrl),
	readFailure: readSocialIntentsFailure,
};
