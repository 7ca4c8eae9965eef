import { main } from '../../main';

/** Runs main() (the real `gmdb` entry) with ARGS; returns the exit code it chose and what it printed. */
export async function runMain(...args: string[]): Promise<{ exitCode: number | undefined; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  let exitCode: number | undefined;
  const argv = process.argv;
  process.argv = ['node', 'gmdb', ...args];
  const capture = (into: string[]) => (chunk: string | Uint8Array) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation(capture(out)),
    jest.spyOn(process.stderr, 'write').mockImplementation(capture(err)),
    jest.spyOn(process, 'exit').mockImplementation((code?: string | number | null) => {
      exitCode = Number(code ?? 0);
      return undefined as never;
    }),
  ];
  try {
    await main();
  } finally {
    process.argv = argv;
    for (const spy of spies) spy.mockRestore();
  }
  return { exitCode, stdout: out.join(''), stderr: err.join('') };
}
