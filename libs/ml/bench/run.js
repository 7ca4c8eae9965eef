#!/usr/bin/env node
// Runs a TypeScript entry point of this repo without a build step (bin/register-source.js
// compiles each .ts file on require with @swc/core and resolves the @gmdb/* aliases). Usage: node libs/ml/bench/run.js [FILE.ts] [args...]
// (default FILE: libs/ml/bench/ml.bench.ts). Suggested script: "bench:ml": "node libs/ml/bench/run.js".
'use strict';
const path = require('node:path');

require('../../../bin/register-source');

// The first argument is the entry file only when it names a .ts file, so that
// `npm run bench:ml -- --skip-search` passes its options to the default entry.
const given = process.argv.slice(2);
const [entry, ...args] = given[0] && given[0].endsWith('.ts') ? given : [path.join(__dirname, 'ml.bench.ts'), ...given];
process.argv = [process.argv[0], path.resolve(entry), ...args];
require(path.resolve(entry));
