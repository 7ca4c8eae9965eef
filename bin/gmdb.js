#!/usr/bin/env node
// `gmdb` CLI entry (`npx gmdb ...`). Compiles the TypeScript sources to dist/ when they are
// newer than the last build, maps the @gmdb/* aliases onto dist/, then runs apps/cli.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.build-stamp');

function newestSource(dir, newest = 0) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = newestSource(full, newest);
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function ensureBuilt() {
  if (process.env.GMDB_SKIP_BUILD === '1' && fs.existsSync(stamp)) return;
  const sources = Math.max(newestSource(path.join(root, 'apps')), newestSource(path.join(root, 'libs')));
  const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
  if (built >= sources) return;
  process.stderr.write('gmdb: compiling TypeScript (tsc -b tsconfig.build.json)...\n');
  const tsc = require.resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-b', path.join(root, 'tsconfig.build.json')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    process.stderr.write('gmdb: the build failed\n');
    process.exit(r.status ?? 1);
  }
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(stamp, new Date().toISOString());
}

ensureBuilt();
require('./register-dist');
require(path.join(dist, 'apps/cli/src/main.js')).main();
