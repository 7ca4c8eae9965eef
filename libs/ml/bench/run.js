#!/usr/bin/env node
// Runs a TypeScript entry point of this repo without a build step: compiles each .ts file on
// require with @swc/core (already a dev dependency, used by jest) and resolves the @gmdb/*
// aliases of tsconfig.base.json. Usage: node libs/ml/bench/run.js [FILE.ts] [args...]
// (default FILE: libs/ml/bench/ml.bench.ts). Suggested script: "bench:ml": "node libs/ml/bench/run.js".
'use strict';
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../../..');
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
const aliases = Object.entries(compilerOptions.paths).map(([alias, targets]) => [alias, path.join(root, targets[0])]);

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const hit = aliases.find(([alias]) => alias === request);
  return resolve.call(this, hit ? hit[1] : request, ...rest);
};

require.extensions['.ts'] = function (module, filename) {
  const source = require('node:fs').readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    sourceMaps: 'inline',
    module: { type: 'commonjs' },
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
  });
  module._compile(code, filename);
};

// The first argument is the entry file only when it names a .ts file, so that
// `npm run bench:ml -- --skip-search` passes its options to the default entry.
const given = process.argv.slice(2);
const [entry, ...args] = given[0] && given[0].endsWith('.ts') ? given : [path.join(__dirname, 'ml.bench.ts'), ...given];
process.argv = [process.argv[0], path.resolve(entry), ...args];
require(path.resolve(entry));
