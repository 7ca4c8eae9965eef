import { basename } from 'node:path';
import { type EvaluationInput, type ImageDemographics, type LabeledImage, parseCsv, parseDemographics, parseLabeledImages } from '@gmdb/ml';
import { CliFailure } from './cli-failure';
import { readEncodingsJsonl } from './encodings.reader';
import { readTextFile } from './input-file';
import { ProgressReporter } from './progress.reporter';

export interface EvalFiles {
  gallery: string;
  test: string;
  encodings: string;
  metadata?: string;
  /** Expected slots per encoding (else the first line decides). */
  slots?: number;
}

export type LoadedEvalInputs = Omit<EvaluationInput, 'onProgress'> & {
  /** Test images whose disorder has no gallery image (they count as misses). */
  labelsAbsentFromGallery: string[];
};

const invalid = (message: string) => new CliFailure('INVALID_EVAL_INPUT', `INVALID_EVAL_INPUT: ${message}`);

/** The `image_id` of each data row with its line (header = line 1; rows as parseCsv returns them). */
function idLines(text: string): { id: string; line: number }[] {
  const [head, ...rows] = parseCsv(text);
  const col = (head ?? []).findIndex((h) => h.trim() === 'image_id');
  return rows.map((r, i) => ({ id: (r[col] ?? '').trim(), line: i + 2 }));
}

function firstDuplicate(file: string, text: string): string | undefined {
  const seen = new Map<string, number>();
  for (const { id, line } of idLines(text)) {
    const before = seen.get(id);
    if (before !== undefined) return `${file}:${line}: image ${id} already appeared on line ${before}`;
    seen.set(id, line);
  }
  return undefined;
}

async function labeled(path: string, what: string): Promise<{ rows: LabeledImage[]; text: string }> {
  const text = await readTextFile(path, what);
  const rows = parseLabeledImages(text, basename(path));
  if (rows.length === 0) throw invalid(`${basename(path)} has no rows`);
  const dup = firstDuplicate(basename(path), text);
  if (dup) throw invalid(dup);
  return { rows, text };
}

/**
 * Reads and cross-checks the inputs of `gmdb eval`: the gallery and test CSVs (`image_id,subject,
 * label`), the encodings (JSON lines) and the optional metadata (`image_id,sex,ancestry,age_years`).
 * Refuses, naming file:line: missing columns or cells, duplicate ids, an image in both sets, a
 * gallery or test image without an encoding, metadata of an image in neither set, encodings of
 * another slot count or dimension.
 */
export async function loadEvalInputs(files: EvalFiles, progress?: ProgressReporter): Promise<LoadedEvalInputs> {
  const gallery = await labeled(files.gallery, 'the gallery CSV');
  const test = await labeled(files.test, 'the test CSV');
  const galleryIds = new Set(gallery.rows.map((g) => g.imageId));
  const both = idLines(test.text).find(({ id }) => galleryIds.has(id));
  if (both) throw invalid(`${basename(files.test)}:${both.line}: image ${both.id} is also in the gallery ${basename(files.gallery)}`);
  const wanted = new Set([...galleryIds, ...test.rows.map((t) => t.imageId)]);
  const enc = await readEncodingsJsonl(files.encodings, { slots: files.slots, keep: wanted, onProgress: (n) => progress?.update(n, undefined, 'encoding lines read') });
  for (const [path, text] of [
    [files.gallery, gallery.text],
    [files.test, test.text],
  ] as const) {
    const lacking = idLines(text).filter(({ id }) => !enc.encodings.has(id));
    if (lacking.length > 0) {
      const shown = lacking.slice(0, 5).map(({ id, line }) => `${basename(path)}:${line}: image ${id} has no encoding in ${basename(files.encodings)}`);
      throw invalid(`${shown.join('; ')}${lacking.length > 5 ? ` (and ${lacking.length - 5} more)` : ''}`);
    }
  }
  let metadata: Map<string, ImageDemographics> | undefined;
  if (files.metadata) {
    const text = await readTextFile(files.metadata, 'the metadata CSV');
    metadata = parseDemographics(text, basename(files.metadata));
    const dup = firstDuplicate(basename(files.metadata), text);
    if (dup) throw invalid(dup);
    const unknown = idLines(text).find(({ id }) => !wanted.has(id));
    if (unknown) throw invalid(`${basename(files.metadata)}:${unknown.line}: image ${unknown.id} is in neither the gallery nor the test CSV`);
  }
  const galleryLabels = new Set(gallery.rows.map((g) => g.label));
  return {
    gallery: gallery.rows,
    test: test.rows,
    encodings: enc.encodings,
    slots: enc.slots,
    dim: enc.dim,
    metadata,
    labelsAbsentFromGallery: test.rows.filter((t) => !galleryLabels.has(t.label)).map((t) => t.imageId),
  };
}
