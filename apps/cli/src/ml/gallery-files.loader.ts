import { basename } from 'node:path';
import { EMBEDDING_SIZE, GalleryIndex, parseCsv, parseLabeledImages } from '@gmdb/ml';
import { CliFailure } from './cli-failure';
import { readEncodingsJsonl } from './encodings.reader';
import { readTextFile } from './input-file';

export interface GalleryFiles {
  /** `image_id,subject,label[,genes][,access_level]`. */
  csv: string;
  /** JSON lines `{"image_id","slots"}` of every gallery image. */
  encodings: string;
}

const invalid = (message: string) => new CliFailure('INVALID_GALLERY', `INVALID_GALLERY: ${message}`);
const list = (cell: string | undefined) => (cell ?? '').split(';').map((s) => s.trim()).filter((s) => s !== '');

/**
 * A gallery given as files, for `gmdb analyze`: the reference CSV (`subject` is the patient, `label`
 * the disorder, several joined by `;`) with optional `genes` (`;`-separated) and `access_level`
 * (`fair` or `private`; empty or absent: private, so the patient is never named), and the encodings,
 * which must have the encoder's slot count and 512 numbers per slot.
 */
export async function loadGalleryFiles(files: GalleryFiles, slots: number): Promise<GalleryIndex> {
  const name = basename(files.csv);
  const text = await readTextFile(files.csv, 'the gallery CSV');
  const rows = parseLabeledImages(text, name);
  const [head, ...cells] = parseCsv(text);
  const col = (k: string) => (head ?? []).findIndex((h) => h.trim() === k);
  const genesCol = col('genes');
  const accessCol = col('access_level');
  const enc = await readEncodingsJsonl(files.encodings, { slots, dim: EMBEDDING_SIZE, keep: new Set(rows.map((r) => r.imageId)) });
  const index = new GalleryIndex(slots, EMBEDDING_SIZE);
  rows.forEach((row, i) => {
    const line = i + 2;
    if (index.has(row.imageId)) throw invalid(`${name}:${line}: image ${row.imageId} appears twice`);
    const embedding = enc.encodings.get(row.imageId);
    if (!embedding) throw invalid(`${name}:${line}: image ${row.imageId} has no encoding in ${basename(files.encodings)}`);
    const access = accessCol < 0 ? '' : (cells[i][accessCol] ?? '').trim();
    if (access !== '' && access !== 'fair' && access !== 'private') throw invalid(`${name}:${line}: access_level must be fair or private, not ${access}`);
    index.upsert({ imageId: row.imageId, caseId: row.subject, disorderIds: list(row.label), geneIds: genesCol < 0 ? [] : list(cells[i][genesCol]), accessLevel: access === 'fair' ? 'fair' : 'private' }, embedding);
  });
  return index;
}
