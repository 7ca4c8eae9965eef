// Lets plain `node` run this repo's TypeScript sources: compiles each .ts file on require with
// @swc/core (a dev dependency, used by jest) and maps the @gmdb/* aliases of tsconfig.base.json
// onto the sources. Used by the benchmark runner and by worker threads started from sources
// (tests, benchmarks). Idempotent.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const root = path.resolve(__dirname, '..');
const marker = Symbol.for('gmdb.register-source');

if (!globalThis[marker]) {
  globalThis[marker] = true;
  const { transformSync } = require('@swc/core');
  const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
  const aliases = new Map(Object.entries(compilerOptions.paths).map(([alias, targets]) => [alias, path.join(root, targets[0])]));

  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return resolve.call(this, aliases.get(request) ?? request, ...rest);
  };

  require.extensions['.ts'] = function (module, filename) {
    const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
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
}
