'use strict';
const { spawn } = require('child_process');
const net = require('net');
const { stopChild } = require('./child');

/** A throwaway redis-server (Debian's package) on loopback, without persistence. */
async function startRedis(port) {
	const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
	const deadline = Date.now() + 15000;
	for (;;) {
		const up = await new Promise((resolve) => {
			const socket = net.connect(port, '127.0.0.1', () => {
				socket.end();
				resolve(true);
			});
			socket.on('error', () => resolve(false));
		});
		if (up) break;
		if (child.exitCode !== null || Date.now() > deadline) throw new Error('redis-server did not start (is the Debian package redis-server installed?)');
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		port,
		stop: () => stopChild(child),
	};
}

module.exports = { startRedis };
