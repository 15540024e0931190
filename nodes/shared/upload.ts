import { randomBytes } from 'crypto';
import type { IBinaryData, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, PreSendAction } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Show } from './descriptions';
import { requireText } from './validate';

/** The parameter that names the input item's binary field to upload (as n8n's own upload nodes ask it). */
export function binaryFieldParameter(show: Show): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the file to upload',
		displayOptions: { show },
	};
}

/**
 * preSend: the input item's binary file (parameter `binaryPropertyName`) as a multipart/form-data
 * body with one part, `field`, carrying the file's name and MIME type. Fails naming the parameter when
 * the item has no such field, and, with `maxBytes`, when the file is larger than `tooLarge` says.
 */
export function sendBinaryFile(field: string, limit?: { maxBytes: number; tooLarge: string }): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const property = requireText.call(this, 'binaryPropertyName', 'Input Binary Field');
		const fail = (message: string): never => {
			throw new NodeOperationError(this.getNode(), message, { itemIndex: this.getItemIndex() });
		};
		// n8n's helpers find the file wherever the workflow's binary mode keeps it (the item's `binary`, or
		// its JSON in n8n 2.x's combined mode) and read it from wherever it is stored (memory, filesystem, S3)
		let binary: IBinaryData;
		try {
			binary = this.helpers.assertBinaryData(property);
		} catch {
			return fail(`Input Binary Field: the input item has no binary field "${property}"`);
		}
		const data = await this.helpers.getBinaryDataBuffer(property);
		if (limit && data.length > limit.maxBytes) fail(limit.tooLarge);
		// the part's header is text we write: quotes, backslashes and line breaks would end or rewrite it
		const fileName = String(binary.fileName ?? 'file').replace(/["\\\r\n]/g, '_');
		// eslint-disable-next-line no-control-regex
		const mimeType = binary.mimeType && !/[\x00-\x1f\x7f]/.test(binary.mimeType) ? binary.mimeType : 'application/octet-stream';
		const boundary = `----n8nLiveChat${randomBytes(12).toString('hex')}`;
		requestOptions.body = Buffer.concat([
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
					`Content-Type: ${mimeType}\r\n\r\n`,
			),
			data,
			Buffer.from(`\r\n--${boundary}--\r\n`),
		]);
		requestOptions.headers = { ...requestOptions.headers, 'Content-Type': `multipart/form-data; boundary=${boundary}` };
		return requestOptions;
	};
}
