'use strict';

/** Signals a child process and resolves once it has exited; SIGKILL if it has not after `killAfterMs`. */
function stopChild(child, signal = 'SIGTERM', killAfterMs = 20000) {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
		child.on('close', () => {
			clearTimeout(timer);
			resolve();
		});
		child.kill(signal);
	});
}

module.exports = { stopChild };
