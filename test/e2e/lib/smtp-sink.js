'use strict';
const net = require('net');

/** The text body of a single-part message, decoded from its transfer encoding. */
function textBody(data) {
	const split = data.indexOf('\n\n');
	const headers = data.slice(0, split);
	const body = data.slice(split + 2);
	const encoding = (/^content-transfer-encoding:\s*(\S+)/im.exec(headers) || [])[1] || '7bit';
	if (/^base64$/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	if (/^quoted-printable$/i.test(encoding)) {
		const bytes = body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
		return Buffer.from(bytes, 'latin1').toString('utf8');
	}
	return body;
}

/**
 * A plain SMTP server on loopback that accepts every message and keeps it, for workflows that
 * send email (n8n's Send Email node over its SMTP credential). No TLS, no authentication.
 */
async function startSmtpSink() {
	const messages = [];
	const server = net.createServer((socket) => {
		let buffer = '';
		let message = null;
		let data = null;
		socket.write('220 localhost e2e SMTP sink\r\n');
		socket.on('data', (chunk) => {
			buffer += chunk.toString('latin1');
			for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
				const line = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				if (data !== null) {
					if (line !== '.') {
						data.push(line.startsWith('..') ? line.slice(1) : line);
						continue;
					}
					const raw = data.join('\n');
					messages.push({ ...message, raw, subject: (/^subject:\s*(.*)$/im.exec(raw) || [])[1], text: textBody(raw) });
					data = null;
					socket.write('250 OK: queued\r\n');
					continue;
				}
				const verb = line.slice(0, 4).toUpperCase();
				if (verb === 'EHLO' || verb === 'HELO') socket.write('250 localhost\r\n');
				else if (verb === 'MAIL') {
					message = { from: (/<([^>]*)>/.exec(line) || [])[1], to: [] };
					socket.write('250 OK\r\n');
				} else if (verb === 'RCPT') {
					message.to.push((/<([^>]*)>/.exec(line) || [])[1]);
					socket.write('250 OK\r\n');
				} else if (verb === 'DATA') {
					data = [];
					socket.write('354 End data with <CR><LF>.<CR><LF>\r\n');
				} else if (verb === 'QUIT') socket.end('221 Bye\r\n');
				else if (verb === 'RSET' || verb === 'NOOP') socket.write('250 OK\r\n');
				else socket.write('502 Command not implemented\r\n');
			}
		});
		socket.on('error', () => undefined);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: server.address().port,
		messages,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

module.exports = { startSmtpSink };
