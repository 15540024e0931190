import { randomBytes, timingSafeEqual } from 'crypto';
import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/** A fresh random secret for one webhook registration. */
export function newWebhookSecret(): string {
	return randomBytes(24).toString('hex');
}

/** Compares a received secret with the registered one in constant time. */
export function secretsMatch(received: unknown, expected: unknown): boolean {
	if (typeof received !== 'string' || typeof expected !== 'string' || expected === '') return false;
	const a = Buffer.from(received);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Answers a delivery that failed verification or cannot be read, and starts no execution.
 * The message says what was wrong with the request, never what was expected.
 */
export function rejectDelivery(
	this: IWebhookFunctions,
	status: number,
	message: string,
): IWebhookResponseData {
	this.getResponseObject().status(status).json({ message });
	return { noWebhookResponse: true };
}
