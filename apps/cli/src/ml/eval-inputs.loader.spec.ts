import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toCliFailure } from './cli-failure';
import { type EvalFiles, loadEvalInputs } from './eval-inputs.loader';

const enc = (...ids: string[]) => ids.map((id) => JSON.stringify({ image_id: id, slots: [[1, 0], [0, 1]] })).join('\n');

describe('loadEvalInputs', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'gmdb-evalin-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function files(over: Partial<Record<'G.csv' | 'T.csv' | 'E.jsonl' | 'M.csv', string>> = {}, slots?: number): EvalFiles {
    const texts = {
      'G.csv': 'image_id,subject,label,split\ng1,s1,D1,0\ng2,s2,D2,0\n',
      'T.csv': 'image_id,subject,label\nt1,s3,D1\nt2,s4,D3\n',
      'E.jsonl': enc('g1', 'g2', 't1', 't2', 'other'),
      'M.csv': 'image_id,sex,ancestry,age_years\nt1,female,EUR,0.5\ng1,male,,\n',
      ...over,
    };
    for (const [name, text] of Object.entries(texts)) writeFileSync(join(dir, name), text);
    return { gallery: join(dir, 'G.csv'), test: join(dir, 'T.csv'), encodings: join(dir, 'E.jsonl'), metadata: join(dir, 'M.csv'), slots };
  }
  /** The message main() would print (after `gmdb: `). */
  const message = async (f: EvalFiles) => toCliFailure(await loadEvalInputs(f).then(() => undefined, (e: unknown) => e)).message;

  it('reads the sets, the encodings of their images only, the metadata, and notes labels absent from the gallery', async () => {
    const r = await loadEvalInputs(files());
    expect(r.gallery.map((g) => g.imageId)).toEqual(['g1', 'g2']);
    expect([...r.encodings.keys()].sort()).toEqual(['g1', 'g2', 't1', 't2']);
    expect([r.slots, r.dim]).toEqual([2, 2]);
    expect(r.metadata?.get('t1')).toEqual({ sex: 'female', ancestry: 'EUR', ageYears: 0.5 });
    expect(r.labelsAbsentFromGallery).toEqual(['t2']);
  });

  it.each([
    [{ 'G.csv': 'image_id,label\ng1,D1\n' }, 'VALIDATION_FAILED: The input is not valid\n  G.csv:1: column subject is missing'],
    [{ 'T.csv': 'image_id,subject,label\nt1,,D1\n' }, 'VALIDATION_FAILED: The input is not valid\n  T.csv:2.subject: subject is empty'],
    [{ 'T.csv': 'image_id,subject,label\nt1,s3,D1\nt9,s9,D1\n' }, 'INVALID_EVAL_INPUT: T.csv:3: image t9 has no encoding in E.jsonl'],
    [{ 'G.csv': 'image_id,subject,label\ng1,s1,D1\ng1,s2,D2\n' }, 'INVALID_EVAL_INPUT: G.csv:3: image g1 already appeared on line 2'],
    [{ 'T.csv': 'image_id,subject,label\nt1,s3,D1\ng2,s2,D2\n' }, 'INVALID_EVAL_INPUT: T.csv:3: image g2 is also in the gallery G.csv'],
    [{ 'M.csv': 'image_id,sex,ancestry,age_years\nt1,female,EUR,1\nzz,male,AFR,2\n' }, 'INVALID_EVAL_INPUT: M.csv:3: image zz is in neither the gallery nor the test CSV'],
    [{ 'M.csv': 'image_id,sex,ancestry\nt1,female,EUR\n' }, 'VALIDATION_FAILED: The input is not valid\n  M.csv:1: column age_years is missing'],
    [{ 'M.csv': 'image_id,sex,ancestry,age_years\nt1,female,EUR,young\n' }, 'VALIDATION_FAILED: The input is not valid\n  M.csv:2.age_years: age_years young is not a number >= 0'],
    [{ 'E.jsonl': `${enc('g1', 'g2', 't1')}\n{"image_id":"t2","slots":[[1,0]]}` }, 'INVALID_ENCODINGS: E.jsonl:4: image t2 has 1 slots, expected 2'],
    [{ 'E.jsonl': `${enc('g1', 'g2', 't1')}\n{"image_id":"t2","slots":[[1,0],[1]]}` }, 'INVALID_ENCODINGS: E.jsonl:4: image t2 slot 1 has 1 numbers, expected 2'],
    [{ 'G.csv': 'image_id,subject,label\n' }, 'INVALID_EVAL_INPUT: G.csv has no rows'],
  ])('refuses bad input #%# naming file and line', async (over, expected) => {
    expect(await message(files(over))).toBe(expected);
  });

  it('--slots must match every line', async () => {
    expect(await message(files({}, 3))).toBe('INVALID_ENCODINGS: E.jsonl:1: image g1 has 2 slots, expected 3');
  });

  it('a missing file is named', async () => {
    expect(await message({ ...files(), test: join(dir, 'missing.csv') })).toBe(`INPUT_NOT_FOUND: the test CSV ${join(dir, 'missing.csv')} is not a file`);
  });
});
