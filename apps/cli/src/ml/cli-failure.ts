import { isDomainError } from '@gmdb/domain';

/**
 * A failure the ML commands report as one message: `CODE: message`, then one indented line per
 * field issue (with its file:line) or face box. main() prints it on stderr and exits 1, no stack.
 */
export class CliFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}

interface BoxLike {
  x: number;
  y: number;
  width: number;
  height: number;
  score?: number;
}

const isBox = (v: unknown): v is BoxLike => typeof v === 'object' && v !== null && ['x', 'y', 'width', 'height'].every((k) => typeof (v as Record<string, unknown>)[k] === 'number');

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Turns a DomainError (or anything else) into a CliFailure whose message carries the code and details. */
export function toCliFailure(e: unknown): CliFailure {
  if (e instanceof CliFailure) return e;
  if (!isDomainError(e)) return new CliFailure('INTERNAL', `INTERNAL: ${e instanceof Error ? e.message : String(e)}`);
  const lines = [`${e.code}: ${e.message}`];
  for (const issue of e.details?.issues ?? []) lines.push(`  ${issue.path}: ${issue.message}`);
  const faces = e.details?.['faces'];
  if (Array.isArray(faces)) {
    for (const f of faces.filter(isBox)) lines.push(`  face box x=${r1(f.x)} y=${r1(f.y)} width=${r1(f.width)} height=${r1(f.height)}${f.score === undefined ? '' : ` score=${f.score.toFixed(3)}`}`);
  }
  return new CliFailure(e.code, lines.join('\n'));
}

/** Runs a command body; any failure comes out as a CliFailure (for main() to print). */
export async function reportingFailures<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    throw toCliFailure(e);
  }
}
