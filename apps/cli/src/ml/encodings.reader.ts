import { basename } from 'node:path';
import { CliFailure } from './cli-failure';
import { readLines } from './input-file';

export interface EncodingsFile {
  /** Raw slot-major float32 embeddings by image id. */
  encodings: Map<string, Float32Array>;
  slots: number;
  dim: number;
  /** Line of each image id (for messages). */
  lineOf: Map<string, number>;
}

export interface ReadEncodingsOptions {
  /** Expected slots per line (else the first line decides). */
  slots?: number;
  /** Expected numbers per slot (else the first line decides). */
  dim?: number;
  /** Only keep these image ids (the rest is checked but not stored). */
  keep?: ReadonlySet<string>;
  /** Called every 1000 lines. */
  onProgress?: (lines: number) => void;
}

/**
 * Streams a JSON-lines encodings file, `{"image_id": ..., "slots": [[d numbers], ...]}` per line
 * (blank lines skipped), into slot-major float32. Every line must have the same slot count and
 * dimension (`--slots`, or the first line's); an image id may appear once. Errors name file:line.
 */
export async function readEncodingsJsonl(path: string, options: ReadEncodingsOptions = {}): Promise<EncodingsFile> {
  const name = basename(path);
  const encodings = new Map<string, Float32Array>();
  const lineOf = new Map<string, number>();
  let slots = options.slots ?? 0;
  let dim = options.dim ?? 0;
  const fail = (lineNo: number, message: string) => new CliFailure('INVALID_ENCODINGS', `INVALID_ENCODINGS: ${name}:${lineNo}: ${message}`);
  for await (const { line, lineNo } of readLines(path, 'the encodings file')) {
    if (lineNo % 1000 === 0) options.onProgress?.(lineNo);
    if (line.trim() === '') continue;
    let doc: unknown;
    try {
      doc = JSON.parse(line);
    } catch (e) {
      throw fail(lineNo, `not JSON (${(e as Error).message})`);
    }
    const { image_id: id, slots: rows } = (typeof doc === 'object' && doc !== null ? doc : {}) as { image_id?: unknown; slots?: unknown };
    if ((typeof id !== 'string' && typeof id !== 'number') || String(id) === '') throw fail(lineNo, 'expected "image_id" (a string or number)');
    if (!Array.isArray(rows) || rows.length === 0 || !rows.every((r) => Array.isArray(r))) throw fail(lineNo, 'expected "slots": [[numbers], ...]');
    const imageId = String(id);
    if (lineOf.has(imageId)) throw fail(lineNo, `image ${imageId} already appeared on line ${lineOf.get(imageId)}`);
    const vectors = rows as unknown[][];
    if (slots === 0) slots = vectors.length;
    if (dim === 0) dim = vectors[0].length;
    if (vectors.length !== slots) throw fail(lineNo, `image ${imageId} has ${vectors.length} slots, expected ${slots}`);
    const badSlot = vectors.findIndex((v) => v.length !== dim);
    if (badSlot >= 0) throw fail(lineNo, `image ${imageId} slot ${badSlot} has ${vectors[badSlot].length} numbers, expected ${dim}`);
    lineOf.set(imageId, lineNo);
    if (options.keep && !options.keep.has(imageId)) continue;
    const out = new Float32Array(slots * dim);
    for (let s = 0; s < slots; s++) {
      const v = vectors[s];
      for (let i = 0; i < dim; i++) {
        const x = v[i];
        if (typeof x !== 'number' || !Number.isFinite(x)) throw fail(lineNo, `image ${imageId} slot ${s} value ${i} is not a finite number`);
        out[s * dim + i] = x;
      }
    }
    encodings.set(imageId, out);
  }
  if (lineOf.size === 0) throw new CliFailure('INVALID_ENCODINGS', `INVALID_ENCODINGS: ${name} holds no encodings`);
  return { encodings, slots, dim, lineOf };
}
