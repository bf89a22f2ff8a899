#!/usr/bin/env bash
# `npm run lint`: Prettier's check, then ESLint (typescript-eslint, eslint-plugin-lit,
# eslint-plugin-wc). ESLint lives in tools/lint with its own lock file: typescript-eslint needs
# TypeScript's JavaScript API, which the project's TypeScript 7 does not have. Installed there
# on first use (and again when its lock file changes).
set -euo pipefail
cd "$(dirname "$0")/.."

npx prettier --check . || { echo "Formatting differs: run \`npm run format\`."; exit 1; }

stamp=tools/lint/node_modules/.installed-lock
if [ ! -f "$stamp" ] || ! cmp -s tools/lint/package-lock.json "$stamp"; then
  npm --prefix tools/lint ci --no-audit --no-fund --loglevel=error
  cp tools/lint/package-lock.json "$stamp"
fi
tools/lint/node_modules/.bin/eslint -c tools/lint/eslint.config.js --max-warnings=0 .
echo "lint: Prettier and ESLint clean."
