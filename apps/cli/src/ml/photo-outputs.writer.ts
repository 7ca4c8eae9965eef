import { createHash } from 'node:crypto';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';

/** The photo's file name without extension plus 12 hex of its sha256: one crop per distinct photo. */
export function cropFileName(photoPath: string, bytes: Uint8Array): string {
  const stem = basename(photoPath, extname(photoPath)).replace(/[^\w.-]+/g, '_') || 'photo';
  return `${stem}-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.png`;
}

/** Writes the aligned 112x112 crop (PNG) into `outDir`; returns its absolute path. */
export async function writeCrop(outDir: string, fileName: string, png: Buffer): Promise<string> {
  const dir = resolve(outDir);
  await mkdir(dir, { recursive: true });
  const path = join(dir, fileName);
  await writeFile(path, png);
  return path;
}

/** Appends `{"image_id": ..., "slots": [[...], ...]}` (the format `gmdb eval` and `gmdb analyze` read); returns the absolute path. */
export async function appendEncodingLine(file: string, imageId: string, embedding: Float32Array, slots: number): Promise<string> {
  const path = resolve(file);
  await mkdir(dirname(path), { recursive: true });
  const dim = embedding.length / slots;
  const rows = Array.from({ length: slots }, (_, s) => Array.from(embedding.subarray(s * dim, (s + 1) * dim)));
  await appendFile(path, `${JSON.stringify({ image_id: imageId, slots: rows })}\n`);
  return path;
}
