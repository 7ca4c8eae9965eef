import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { CliFailure } from './cli-failure';

/** Refuses a path that is not a readable file with INPUT_NOT_FOUND and the option that named it. */
export function requireFile(path: string, what: string): void {
  if (!existsSync(path) || !statSync(path).isFile()) throw new CliFailure('INPUT_NOT_FOUND', `INPUT_NOT_FOUND: ${what} ${path} is not a file`);
}

export async function readTextFile(path: string, what: string): Promise<string> {
  requireFile(path, what);
  return readFile(path, 'utf8');
}

export async function readBytes(path: string, what: string): Promise<Buffer> {
  requireFile(path, what);
  return readFile(path);
}

/** The lines of a (possibly large) text file with their 1-based numbers, streamed. */
export async function* readLines(path: string, what: string): AsyncGenerator<{ line: string; lineNo: number }> {
  requireFile(path, what);
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) yield { line, lineNo: ++lineNo };
}
