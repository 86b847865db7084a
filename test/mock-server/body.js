'use strict';
// Request-body parsing: JSON, form-urlencoded and multipart/form-data (hand-written parser, so
// uploaded file bytes reach handlers exactly as sent), plus the compact summary the request log keeps.
const crypto = require('node:crypto');
const { ApiError } = require('./errors');

/** @param {import('node:http').IncomingMessage} req @param {number} limit */
function readBody(req, limit = 64 * 1024 * 1024) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > limit) {
				reject(new ApiError(413, 'Request body too large.'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** Bare, lower-case media type ('' when absent). */
function mediaType(contentType) {
	return contentType ? String(contentType).split(';')[0].trim().toLowerCase() : '';
}

/** Repeated names become arrays, as in multipart. */
function addField(target, name, value) {
	if (!Object.prototype.hasOwnProperty.call(target, name)) target[name] = value;
	else if (Array.isArray(target[name])) target[name].push(value);
	else target[name] = [target[name], value];
}

/**
 * @param {string} type bare media type
 * @param {string | undefined} contentType full header
 * @param {Buffer} raw
 * @returns {{ body: any, multipart: null | { fields: object, files: Array<object> } }}
 */
function parseBody(type, contentType, raw) {
	if (type === 'multipart/form-data') return { body: {}, multipart: parseMultipart(contentType, raw) };
	if (raw.length === 0) return { body: {}, multipart: null };
	if (type === 'application/json' || type.endsWith('+json')) {
		try {
			return { body: JSON.parse(raw.toString('utf8')), multipart: null };
		} catch {
			throw new ApiError(400, 'The request body is not valid JSON.');
		}
	}
	if (type === 'application/x-www-form-urlencoded') {
		const body = {};
		for (const [name, value] of new URLSearchParams(raw.toString('utf8'))) addField(body, name, value);
		return { body, multipart: null };
	}
	return { body: {}, multipart: null };
}

function headerParam(header, name) {
	const match = new RegExp(`(?:^|;)\\s*${name}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, 'i').exec(header);
	if (!match) return undefined;
	return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2].trim();
}

/** @param {string | undefined} contentType @param {Buffer} raw */
function parseMultipart(contentType, raw) {
	const boundary = headerParam(String(contentType || ''), 'boundary');
	if (!boundary) throw new ApiError(400, 'The multipart body has no boundary.');
	const delimiter = Buffer.from(`--${boundary}`);
	const fields = {};
	const files = [];
	let pos = raw.indexOf(delimiter);
	if (pos < 0) throw new ApiError(400, 'The multipart body is malformed.');
	for (;;) {
		pos += delimiter.length;
		if (raw[pos] === 0x2d && raw[pos + 1] === 0x2d) break; // closing `--boundary--`
		if (raw[pos] === 0x0d && raw[pos + 1] === 0x0a) pos += 2;
		const headerEnd = raw.indexOf('\r\n\r\n', pos);
		if (headerEnd < 0) throw new ApiError(400, 'The multipart body is malformed.');
		const headers = {};
		for (const line of raw.toString('utf8', pos, headerEnd).split('\r\n')) {
			const colon = line.indexOf(':');
			if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
		}
		const dataStart = headerEnd + 4;
		const next = raw.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), dataStart);
		if (next < 0) throw new ApiError(400, 'The multipart body is not terminated.');
		const data = raw.subarray(dataStart, next);
		const disposition = headers['content-disposition'] || '';
		const name = headerParam(disposition, 'name');
		if (name !== undefined) {
			const extended = headerParam(disposition, 'filename\\*');
			const filename = extended ? decodeExtended(extended) : headerParam(disposition, 'filename');
			if (filename !== undefined) {
				files.push({
					field: name,
					filename,
					contentType: headers['content-type'] || 'application/octet-stream',
					data: Buffer.from(data), // a copy, so handlers may keep it after the request buffer is gone
				});
			} else addField(fields, name, data.toString('utf8'));
		}
		pos = next + 2;
	}
	return { fields, files };
}

/** RFC 5987 `utf-8''name%20x.pdf` */
function decodeExtended(value) {
	const match = /^([^']*)'[^']*'(.*)$/.exec(value);
	try {
		return match ? decodeURIComponent(match[2]) : value;
	} catch {
		return value;
	}
}

/** What the request log keeps of a body: the parsed object, or file metadata with a hash. */
function summarizeBody(type, raw, body, multipart) {
	if (multipart) {
		return {
			fields: multipart.fields,
			files: multipart.files.map((f) => ({
				field: f.field,
				filename: f.filename,
				contentType: f.contentType,
				size: f.data.length,
				sha256: crypto.createHash('sha256').update(f.data).digest('hex'),
			})),
		};
	}
	if (!raw || raw.length === 0) return null;
	if (type === 'application/json' || type === 'application/x-www-form-urlencoded' || type.endsWith('+json')) return body;
	return { size: raw.length };
}

module.exports = { readBody, mediaType, parseBody, parseMultipart, summarizeBody };
