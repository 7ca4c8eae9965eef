import { DomainError, FieldIssue } from '@gmdb/domain';
import { ImageDemographics, LabeledImage } from './evaluation.types';

/** Splits CSV text into rows of fields (RFC 4180 quotes; CRLF or LF; blank lines skipped). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

function table(text: string, required: readonly string[], source: string): { header: Map<string, number>; rows: string[][] } {
  const [head, ...rows] = parseCsv(text);
  const header = new Map((head ?? []).map((h, i) => [h.trim(), i]));
  const missing = required.filter((r) => !header.has(r));
  if (missing.length > 0) throw DomainError.validation(missing.map((m) => ({ path: `${source}:1`, code: 'COLUMN_MISSING', message: `column ${m} is missing` })));
  return { header, rows };
}

/** `image_id,subject,label` (the reference's gallery / test CSV; extra columns such as `split` are ignored). */
export function parseLabeledImages(text: string, source = 'csv'): LabeledImage[] {
  const { header, rows } = table(text, ['image_id', 'subject', 'label'], source);
  const issues: FieldIssue[] = [];
  const out = rows.map((r, i) => {
    const get = (k: string) => (r[header.get(k) as number] ?? '').trim();
    const item = { imageId: get('image_id'), subject: get('subject'), label: get('label') };
    for (const [k, v] of Object.entries(item)) if (v === '') issues.push({ path: `${source}:${i + 2}.${k}`, code: 'REQUIRED', message: `${k} is empty` });
    return item;
  });
  if (issues.length > 0) throw DomainError.validation(issues);
  return out;
}

/** `image_id,sex,ancestry,age_years`; empty cells are unknown. */
export function parseDemographics(text: string, source = 'metadata'): Map<string, ImageDemographics> {
  const { header, rows } = table(text, ['image_id', 'sex', 'ancestry', 'age_years'], source);
  const issues: FieldIssue[] = [];
  const out = new Map<string, ImageDemographics>();
  rows.forEach((r, i) => {
    const get = (k: string) => (r[header.get(k) as number] ?? '').trim();
    const age = get('age_years');
    const ageYears = age === '' ? undefined : Number(age);
    if (ageYears !== undefined && !(Number.isFinite(ageYears) && ageYears >= 0)) {
      issues.push({ path: `${source}:${i + 2}.age_years`, code: 'INVALID_NUMBER', message: `age_years ${age} is not a number >= 0` });
    }
    out.set(get('image_id'), { sex: get('sex') || undefined, ancestry: get('ancestry') || undefined, ageYears });
  });
  if (issues.length > 0) throw DomainError.validation(issues);
  return out;
}

/** JSON lines `{"image_id": ..., "slots": [[512 numbers], ...]}` → slot-major float32 by image id. */
export function parseEncodingsJsonl(text: string, source = 'encodings'): { encodings: Map<string, Float32Array>; slots: number; dim: number } {
  const encodings = new Map<string, Float32Array>();
  let slots = 0;
  let dim = 0;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${source}:${i + 1}`;
    let doc: unknown;
    try {
      doc = JSON.parse(line);
    } catch (e) {
      throw DomainError.validation([{ path: where, code: 'INVALID_JSON', message: (e as Error).message }]);
    }
    const { image_id: id, slots: s } = (doc ?? {}) as { image_id?: unknown; slots?: unknown };
    if ((typeof id !== 'string' && typeof id !== 'number') || !Array.isArray(s) || s.length === 0 || !s.every((v) => Array.isArray(v))) {
      throw DomainError.validation([{ path: where, code: 'INVALID_ENCODING', message: 'expected {"image_id": ..., "slots": [[...], ...]}' }]);
    }
    const rows = s as unknown[][];
    if (slots === 0) {
      slots = rows.length;
      dim = rows[0].length;
    }
    if (rows.length !== slots || rows.some((r) => r.length !== dim || r.some((v) => typeof v !== 'number' || !Number.isFinite(v)))) {
      throw DomainError.validation([{ path: where, code: 'INVALID_ENCODING', message: `expected ${slots} slots of ${dim} finite numbers` }]);
    }
    const e = new Float32Array(slots * dim);
    rows.forEach((r, k) => e.set(r as number[], k * dim));
    encodings.set(String(id), e);
  });
  return { encodings, slots, dim };
}
