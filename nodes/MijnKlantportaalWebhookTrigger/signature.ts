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
 * - `hmac-sha256`: the header is the hex HMAC-SHA256 of the raw request body, keyed with the
 *   secret, either bare or as `sha256=<hex>`, in either case. The docs fix no format; a second,
 *   independent implementation of the API signs with bare hex.
 */
export type SignatureScheme = 'secret' | 'hmac-sha256';

export interface SignatureMatch<K extends SignatureKey = SignatureKey> {
	key: K;
	scheme: SignatureScheme;
}

const PREFIXED_HMAC = /^sha256=([0-9a-f]{64})$/i;
const BARE_HEX = /^[0-9a-f]{64}$/i;

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

export interface Reading {
	scheme: SignatureScheme;
	/** The value to compare: lower-case hex for an HMAC, the header itself for a secret. */
	value: string;
}

/**
 * What a header value can mean. `sha256=` and 64 hex digits is an HMAC only. 64 hex digits alone
 * are read both ways: as a bare HMAC, and as a secret that happens to look like one. Anything else
 * is a secret.
 */
export function readingsOf(header: string): Reading[] {
	const prefixed = PREFIXED_HMAC.exec(header);
	if (prefixed) return [{ scheme: 'hmac-sha256', value: prefixed[1].toLowerCase() }];
	if (BARE_HEX.test(header)) {
		return [
			{ scheme: 'hmac-sha256', value: header.toLowerCase() },
			{ scheme: 'secret', value: header },
		];
	}
	return [{ scheme: 'secret', value: header }];
}

/**
 * The key whose secret the header proves, or undefined. Every key is compared with every reading
 * of the header, with no early exit, so the time taken depends only on the number of keys and the
 * header's form. An HMAC needs the raw body exactly as received; without it no HMAC can match.
 */
export function verifySignature<K extends SignatureKey>(
	header: string | undefined,
	rawBody: Buffer | undefined,
	keys: readonly K[],
): SignatureMatch<K> | undefined {
	if (header === undefined) return undefined;
	const readings = readingsOf(header).filter(
		(reading) => reading.scheme === 'secret' || rawBody !== undefined,
	);
	const needsHmac = readings.some((reading) => reading.scheme === 'hmac-sha256');
	let match: SignatureMatch<K> | undefined;
	for (const key of keys) {
		const hmac =
			needsHmac && key.secret !== ''
				? createHmac('sha256', key.secret)
						.update(rawBody as Buffer)
						.digest('hex')
				: '';
		for (const reading of readings) {
			// An empty secret would make every HMAC of it guessable; such a key never matches.
			const expected =
				key.secret === '' ? '\u0000' : reading.scheme === 'hmac-sha256' ? hmac : key.secret;
			const equal = safeEqual(reading.value, expected) && key.secret !== '';
			if (equal && match === undefined) match = { key, scheme: reading.scheme };
		}
	}
	return match;
}
