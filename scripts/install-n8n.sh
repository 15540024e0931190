#!/usr/bin/env bash
# Installs the pinned real n8n (and the Node it needs) into a cache folder outside the repo, once.
# Prints the folder. Re-running is a no-op when the install is complete.
set -euo pipefail
N8N_VERSION="${N8N_VERSION:-2.41.1}"
NODE_VERSION="${N8N_NODE_VERSION:-24}"
cache="${N8N_CACHE_DIR:-$HOME/.cache/n8n-nodes-live-chat}/n8n-$N8N_VERSION"
marker="$cache/.installed"
if [ -f "$marker" ]; then echo "$cache"; exit 0; fi
mkdir -p "$cache"
cd "$cache"
# linkedom 0.18.15 needs a package the registry lacks; xlsx is pinned for the same reason on 2.0.x.
cat > package.json <<JSON
{ "name": "n8n-host", "private": true,
  "overrides": { "linkedom": "0.18.13", "xlsx": "0.18.5" } }
JSON
{
  echo "installing node@$NODE_VERSION and n8n@$N8N_VERSION into $cache"
  npm install --no-audit --no-fund --ignore-scripts "node@$NODE_VERSION" "n8n@$N8N_VERSION"
  # the one native module n8n needs for SQLite; the Kafka client's download step stays skipped
  PATH="$cache/node_modules/.bin:$PATH" npm rebuild sqlite3
} >&2
touch "$marker"
echo "$cache"
