import type { IExecuteSingleFunctions } from 'n8n-workflow';

/** `apikey=…`, `"apiKey": "…"`: a key named in a URL or JSON that a vendor or n8n echoes. */
const KEY_IN_TEXT = /(apikey["']?\s*[=:]\s*["']?)[^&\s"',;]+/gi;

/** A credential field that holds a secret, by its name (apiKey, accessToken, clientSecret, password...). */
const SECRET_FIELD = /key|token|secret|password/i;

/** Shorter values are not looked for in a text: they would cut ordinary words apart. */
const SHORTEST_SECRET = 8;

/**
 * A text with every given secret value, and any `apikey=…`, replaced by `***`. For messages built
 * from a vendor's answer or from n8n's request error, either of which can echo what was sent.
 */
export function redactText(text: string, secrets: string | string[] = []): string {
	let safe = text;
	for (const secret of typeof secrets === 'string' ? [secrets] : secrets) {
		if (secret) safe = safe.split(secret).join('***');
	}
	return safe.replace(KEY_IN_TEXT, '$1***');
}

/**
 * The secret values of a credential (`getCredentials`' answer): strings of its secret fields, also
 * one level down (an OAuth2 credential's `oauthTokenData`), of at least 8 characters.
 */
export function secretsOf(credentials: unknown, depth = 0): string[] {
	if (!credentials || typeof credentials !== 'object' || depth > 1) return [];
	return Object.entries(credentials).flatMap(([name, value]) => {
		if (typeof value === 'string') return SECRET_FIELD.test(name) && value.length >= SHORTEST_SECRET ? [value] : [];
		return secretsOf(value, depth + 1);
	});
}

/**
 * The secret values of every credential set on the node, for `redactText`. A credential that
 * cannot be read (set on the node but not the one in use) gives none.
 */
export async function nodeSecrets(context: Pick<IExecuteSingleFunctions, 'getNode' | 'getCredentials'>): Promise<string[]> {
	const secrets: string[] = [];
	for (const type of Object.keys(context.getNode().credentials ?? {})) {
		try {
			secrets.push(...secretsOf(await context.getCredentials(type)));
		} catch {
			// a credential the node does not use now was not sent, so no answer can echo it
		}
	}
	return secrets;
}
