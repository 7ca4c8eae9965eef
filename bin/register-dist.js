// Maps the @gmdb/* aliases of tsconfig.base.json onto the compiled dist/ tree, for `gmdb` and for
// worker threads started from compiled code. Idempotent.
'use strict';
const path = require('node:path');
const Module = require('node:module');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const marker = Symbol.for('gmdb.register-dist');

if (!globalThis[marker]) {
  globalThis[marker] = true;
  const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
  const aliases = new Map(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.join(dist, target.replace(/\.ts$/, '.js'))]));
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return resolve.call(this, aliases.get(request) ?? request, ...rest);
  };
}
