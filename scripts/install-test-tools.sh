#!/usr/bin/env bash
# Installs the tools some end-to-end tests look for, outside the project's node_modules, into .tmp/tools:
# Node 24 (npm's `node` package ships the binary), to run the bundle on the runtime GitHub runs the action on,
# and gitlab-ci-local (it needs Node 22 or later, and rsync to copy the project), to render and run the GitLab
# component. Idempotent: does nothing when all are there. The tests skip, naming this script, when one is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v rsync >/dev/null; then
  echo "installing rsync"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends rsync >/dev/null 2>&1 ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends rsync >/dev/null; }
fi

prefix=.tmp/tools
node24="$prefix/node_modules/.bin/node"
gcl="$prefix/node_modules/.bin/gitlab-ci-local"

if [ -x "$node24" ] && [ -x "$gcl" ] && "$node24" --version | grep -q '^v24\.'; then
  echo "test tools are installed in $prefix"
  exit 0
fi
mkdir -p "$prefix"
# A package.json of its own keeps npm from walking up to the project's.
[ -f "$prefix/package.json" ] || echo '{"name":"ecs-deliver-test-tools","private":true}' > "$prefix/package.json"
npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error node@24 gitlab-ci-local
"$node24" --version
"$node24" "$gcl" --version
