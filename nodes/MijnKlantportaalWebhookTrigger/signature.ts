import { createHash, createHmac, timingSafeEqual } from 'crypto';

/** The header MijnKlantportaal puts the webhook's secret in (API.md §7). Node lower-cases header names. */
export const SIGNATURE_HEADER = 'x-webhook-signature';

/** What a delivery can be checked against: one webhook record's secret and the event type it is for. */
export interface SignatureKey {
	id: string;
	type: string;
	secret: string;
}

/**
 * - `secret`: the header carries the webhook's secret itself, as the docs describe it.
 * - `hmac-sha256`: the header is `sha256=<hex HMAC-SHA256 of the raw request body, keyed with the secret>`.
 */
export type SignatureScheme = 'secret' | 'hmac-sha256';

export interface SignatureMatch {
	key: SignatureKey;
	scheme: SignatureScheme;
}

const HMAC_FORM = /^sha256=([0-9a-f]{64})$/i;

const digest = (value: string | Buffer): Buffer => createHash('sha256').update(value).digest();

/**
 * Constant-time equality of two strings. It compares their SHA-256 digests, which always have
 * the same length (32 bytes), so neither the content nor the length of the expected value can be
 * learned from the time a comparison takes.
 */
export function safeEqual(provided: string, expected: string): boolean {
	return timingSafeEqual(digest(provided), digest(expected));
}

/** The header's value, or undefined when it is absent or blank. */
export function signatureHeader(
	headers: Record<string, string | string[] | undefined>,
): string | undefined {
	const raw = headers[SIGNATURE_HEADER];
	const value = (Array.isArray(raw) ? raw.join(', ') : (raw ?? '')).trim();
	return value === '' ? undefined : value;
}

/** Which scheme a header value uses: `sha256=` followed by 64 hex digits is an HMAC, anything else a secret. */
export function schemeOf(header: string): SignatureScheme {
	return HMAC_FORM.test(header) ? 'hmac-sha256' : 'secret';
}

/**
 * The key whose secret the header proves, or undefined. Every key is compared, with no early
 * exit, so the time taken depends only on how many keys there are. The HMAC scheme needs the
 * raw body exactly as received; without it no HMAC can match.
 */
export function verifySignature(
	header: string | undefined,
	rawBody: Buffer | undefined,
	keys: readonly SignatureKey[],
): SignatureMatch | undefined {
	if (header === undefined) return undefined;
	const scheme = schemeOf(header);
	if (scheme === 'hmac-sha256' && rawBody === undefined) return undefined;
	const provided = scheme === 'hmac-sha256' ? header.slice('sha256='.length).toLowerCase() : header;
	let match: SignatureMatch | undefined;
	for (const key of keys) {
		// An empty secret would make every HMAC of it guessable; such a key never matches.
		const expected =
			key.secret === ''
				? '\u0000'
				: scheme === 'hmac-sha256'
					? createHmac('sha256', key.secret)
							.update(rawBody as Buffer)
							.digest('hex')
					: key.secret;
		const equal = safeEqual(provided, expected) && key.secret !== '';
		if (equal && match === undefined) match = { key, scheme };
	}
	return match;
}
