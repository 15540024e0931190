/**
 * Event → Upload File reads the input file through n8n's binary helpers, in each of n8n 2.x's binary
 * modes: kept in the item (default), stored on disk with only its ID in the item (filesystem), and the
 * workflow setting "combined", where the file sits in the item's JSON at the field's path.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { IBinaryData, INodeExecutionData } from 'n8n-workflow';
import { BinaryDataService } from 'n8n-core';

import { runNode } from '../../engine/harness';
import { LiveChatSimulator } from '../../simulators/liveChat';

// n8n reads its binary-data settings from the environment when the service is first made
process.env.N8N_USER_FOLDER = mkdtempSync(path.join(tmpdir(), 'n8n-binary-'));
process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
process.env.N8N_AVAILABLE_BINARY_DATA_MODES = 'filesystem';

// n8n-core's own DI container (the one its helpers ask for the binary data service)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Container } = require(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] })) as typeof import('@n8n/di');

const simulator = new LiveChatSimulator();
const CONTENT = 'PDF-ish bytes: \u00e9\u00e8 \u2713';
const inline: IBinaryData = { data: Buffer.from(CONTENT).toString('base64'), mimeType: 'application/pdf', fileName: 'invoice.pdf' };
let onDisk: IBinaryData;

beforeAll(async () => {
	await simulator.start();
	const service = Container.get(BinaryDataService);
	await service.init();
	onDisk = await service.store({ type: 'execution', workflowId: 'wf-test', executionId: 'exec-test' }, Buffer.from(CONTENT), {
		data: '',
		mimeType: 'application/pdf',
		fileName: 'invoice.pdf',
	});
});
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

const upload = (items: INodeExecutionData[], binaryMode?: 'separate' | 'combined', field = 'data') =>
	runNode(
		{
			type: 'liveChat',
			parameters: { resource: 'event', operation: 'upload', binaryPropertyName: field },
			credentials: { liveChatPersonalAccessTokenApi: { accountId: simulator.accountId, accessToken: simulator.token, baseUrl: simulator.baseUrl } },
		},
		items,
		binaryMode ? { binaryMode } : {},
		true,
	);

describe('LiveChat → Upload File in each binary mode', () => {
	// items are made when the case runs: the file on disk is stored in beforeAll
	it.each([
		['default (the file in the item)', () => [{ json: {}, binary: { data: inline } }], undefined, 'data'],
		['filesystem (only its ID in the item)', () => [{ json: {}, binary: { data: onDisk } }], undefined, 'data'],
		['combined (the file in the JSON, by its path)', () => [{ json: { attachment: { file: inline } } }], 'combined', 'attachment.file'],
	] as Array<[string, () => INodeExecutionData[], 'combined' | undefined, string]>)('%s: uploads the bytes with the file name and type', async (_mode, items, binaryMode, field) => {
		const { items: output, error } = await upload(items(), binaryMode, field);
		expect(error).toBeUndefined();
		expect(output).toHaveLength(1);
		expect(String(output[0].json.url)).toMatch(/\/invoice\.pdf$/);
		expect(simulator.uploads).toEqual([{ name: 'invoice.pdf', size: Buffer.byteLength(CONTENT), contentType: 'application/pdf' }]);
	});

	it('combined mode with a path that holds no file: names the parameter, sends nothing', async () => {
		const { error } = await upload([{ json: { attachment: {} } }], 'combined', 'attachment.file');
		expect(error?.message).toBe('Input Binary Field: the input item has no binary field "attachment.file"');
		expect(simulator.requests).toHaveLength(0);
	});
});
