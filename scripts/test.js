#!/usr/bin/env node
// The one test command (`npm test`): lint, type check, generated-artifact checks, unit and
// integration tests. Each step runs even if an earlier one failed; the exit code is non-zero
// if any failed, and the last line says how many steps passed and failed.
'use strict';
const { spawnSync } = require('node:child_process');

const steps = [
  ['lint', 'npx', ['nx', 'run-many', '-t', 'lint', '--parallel=2', '--outputStyle=static', '--skipNxCache']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['unit', 'npx', ['jest', '--selectProjects', 'unit', '--ci']],
  ['integration', 'npx', ['jest', '--selectProjects', 'integration', '--ci', '--maxWorkers=2']],
  ['e2e', 'npx', ['jest', '--selectProjects', 'e2e', '--ci', '--runInBand', '--passWithNoTests']],
];

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const summary = [];
for (const [name, cmd, args] of steps) {
  if (only.length && !only.includes(name)) continue;
  const started = Date.now();
  process.stdout.write(`\n=== ${name}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  const ok = r.status === 0;
  ok ? passed++ : failed++;
  summary.push(`${ok ? 'PASS' : 'FAIL'}  ${name}  ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
process.stdout.write(`\n${summary.join('\n')}\nsteps: ${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
