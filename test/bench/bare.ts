/** The bare client the engine is measured against: node's http with a keep-alive Agent, JSON in and out. */
import http from 'node:http';

export const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export async function bareRequest(
	method: string,
	url: string,
	headers: Record<string, string> = {},
	body?: unknown,
): Promise<unknown> {
	const payload = body === undefined ? undefined : JSON.stringify(body);
	return await new Promise((resolve, reject) => {
		const request = http.request(
			url,
			{
				method,
				agent,
				headers: {
					Accept: 'application/json',
					...(payload === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) }),
					...headers,
				},
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					if ((response.statusCode ?? 500) >= 400) {
						reject(new Error(`${method} ${url} answered ${response.statusCode}: ${text.slice(0, 200)}`));
						return;
					}
					try {
						resolve(text === '' ? undefined : JSON.parse(text));
					} catch (error) {
						reject(error);
					}
				});
				response.on('error', reject);
			},
		);
		request.on('error', reject);
		if (payload !== undefined) request.write(payload);
		request.end();
	});
}
