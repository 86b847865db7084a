'use strict';
// `npm run` exports its whole configuration to child processes as `npm_config_*` variables,
// including this repository's `.npmrc` (`ignore-scripts=true`). An npm started from such a
// child would silently inherit it: `npm rebuild sqlite3` then "succeeds" and builds nothing.
// So every npm the demo and the e2e suites start gets a clean environment: only the settings
// that say where packages come from (cache, registry, TLS, proxy, config files) pass through,
// and each command names the behaviour it wants on its own command line.

const KEEP = /^npm_config_(cache|registry|userconfig|globalconfig|cafile|ca|cert|key|strict_ssl|proxy|https_proxy|noproxy)$/i;
const NPM_CONFIG = /^npm_config_/i;

/** True for an inherited npm setting that would change what a child npm does. */
function isBehaviourSetting(name) {
	return NPM_CONFIG.test(name) && !KEEP.test(name);
}

/** `env` without the npm settings `npm run` exported. */
function cleanNpmEnv(env = process.env) {
	return Object.fromEntries(Object.entries(env).filter(([name]) => !isBehaviourSetting(name)));
}

// `node npm-env.js` prints the names to unset, for test/e2e/provision.sh.
if (require.main === module) {
	const names = Object.keys(process.env).filter((name) => isBehaviourSetting(name) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name));
	process.stdout.write(names.join('\n'));
}

module.exports = { cleanNpmEnv };
