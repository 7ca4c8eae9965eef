import { buildProgram } from '../../main';

export interface CliRun {
  stdout: string;
  stderr: string;
  /** The error the command failed with (undefined on success). */
  error?: Error;
}

/** Runs `gmdb ARGS` in this process through buildProgram (as main() does), capturing stdout and stderr. */
export function runCli(...args: string[]): Promise<CliRun> {
  return runCliWithEnv({ ...process.env }, ...args);
}

/** runCli with the given environment instead of this process's. */
export async function runCliWithEnv(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliRun> {
  const program = buildProgram(env).configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  const out: string[] = [];
  const err: string[] = [];
  const capture = (into: string[]) => (chunk: string | Uint8Array) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(capture(out));
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(capture(err));
  try {
    await program.parseAsync(['node', 'gmdb', ...args]);
    return { stdout: out.join(''), stderr: err.join('') };
  } catch (e) {
    return { stdout: out.join(''), stderr: err.join(''), error: e instanceof Error ? e : new Error(String(e)) };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}
