import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** The repository root: the nearest folder above `from` holding bin/register-dist.js. */
function repositoryRootAbove(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'bin', 'register-dist.js'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no repository root (bin/register-dist.js) above ${from}`);
  }
}

/**
 * Starts a module of this repository in a worker thread. A worker begins with Node's plain module
 * resolution, so it first loads what this process runs with: bin/register-source.js for a .ts
 * entry (tests, benchmarks: TypeScript compiled on require), bin/register-dist.js for a compiled
 * .js entry (`gmdb`, the images).
 */
export function startModuleWorker(entry: string, workerData: unknown): Worker {
  const register = join(repositoryRootAbove(dirname(entry)), 'bin', entry.endsWith('.ts') ? 'register-source.js' : 'register-dist.js');
  const code = `require(${JSON.stringify(register)}); require(${JSON.stringify(entry)});`;
  return new Worker(code, { eval: true, workerData });
}
