import { spawn } from 'node:child_process';
import { GMDB_BIN, REPOSITORY_ROOT } from './repository-root';
import type { ProcessEnv } from './app-process';

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `node bin/gmdb.js <args>` to its end. `build: true` lets it compile when sources changed. */
export function runGmdb(args: string[], env: ProcessEnv, options: { build?: boolean; timeoutMs?: number } = {}): Promise<CommandResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GMDB_BIN, ...args], {
      cwd: REPOSITORY_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, ...(options.build ? {} : { GMDB_SKIP_BUILD: '1' }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Like runGmdb, but a non-zero exit throws with what the command printed. */
export async function gmdbOrThrow(args: string[], env: ProcessEnv, options: { build?: boolean; timeoutMs?: number } = {}): Promise<string> {
  const r = await runGmdb(args, env, options);
  if (r.code !== 0) throw new Error(`gmdb ${args.join(' ')} exited ${r.code}:\n${r.stderr}\n${r.stdout}`.trim());
  return r.stdout;
}
