/**
 * A stand-in for n8n's webhook endpoint: an HTTP server on 127.0.0.1 that records every delivery a
 * simulator makes (path with query, headers, raw body) and answers 200. Tests then hand the recorded
 * delivery to webhook() as n8n would, so that what the trigger sees is byte for byte what the
 * simulator sent.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject } from 'n8n-workflow';

export interface CapturedDelivery {
	/** Path and query as received. */
	url: string;
	headers: http.IncomingHttpHeaders;
	raw: string;
}

export interface DeliveryCapture {
	baseUrl: string;
	received: CapturedDelivery[];
	stop(): Promise<void>;
}

export async function captureDeliveries(): Promise<DeliveryCapture> {
	const received: CapturedDelivery[] = [];
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			received.push({ url: request.url ?? '', headers: request.headers, raw: Buffer.concat(chunks).toString('utf8') });
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		received,
		stop: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/**
 * A recorded delivery as n8n 2.41 hands it to webhook() (its body-parser middleware): JSON parsed
 * for application/json, a string for text/plain, an object of strings for a form, and no body for
 * any other or no content type (webhook-helpers' parseRequestBody; the raw body stays readable). The
 * query is parsed from the URL.
 */
export function asN8nReceives(delivery: CapturedDelivery): { body: unknown; query: IDataObject; headers: IDataObject; rawBody: Buffer } {
	const contentType = String(delivery.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	let body: unknown;
	if (delivery.raw !== '') {
		if (contentType === 'application/json') body = JSON.parse(delivery.raw);
		else if (contentType === 'text/plain') body = delivery.raw;
		else if (contentType === 'application/x-www-form-urlencoded') body = Object.fromEntries(new URLSearchParams(delivery.raw));
	}
	const url = new URL(delivery.url, 'http://127.0.0.1');
	const headers: IDataObject = { 'content-type': delivery.headers['content-type'] ?? '' };
	return { body, query: Object.fromEntries(url.searchParams), headers, rawBody: Buffer.from(delivery.raw) };
}
