import type { VendorApi } from '../shared/transport';
import { trimBaseUrl } from '../shared/transport';
import { readAlive5Failure } from './helpers/errors';

export const alive5Api: VendorApi = {
	name: 'Alive5',
	credentialType: 'alive5Api',
	baseUrl: (credentials) => trimBaseUrl(credentials.baseUrl),
	readFailure: readAlive5Failure,
};
