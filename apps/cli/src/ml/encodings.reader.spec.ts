import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEncodingsJsonl } from './encodings.reader';

describe('readEncodingsJsonl', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'gmdb-enc-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (text: string) => {
    const path = join(dir, 'E.jsonl');
    writeFileSync(path, text);
    return path;
  };
  const failure = async (text: string, options = {}) => (await readEncodingsJsonl(file(text), options).catch((e: Error) => e)) as Error;

  it('reads slot-major float32 by image id (numbers become strings), skipping blank lines, with CRLF', async () => {
    const r = await readEncodingsJsonl(file('{"image_id":"a","slots":[[1,2],[3,4]]}\r\n\r\n{"image_id":7,"slots":[[5,6],[7,8]]}\r\n'));
    expect([r.slots, r.dim]).toEqual([2, 2]);
    expect(Array.from(r.encodings.get('a') ?? [])).toEqual([1, 2, 3, 4]);
    expect(Array.from(r.encodings.get('7') ?? [])).toEqual([5, 6, 7, 8]);
    expect(r.lineOf.get('7')).toBe(3);
  });

  it('keeps only the wanted ids but still checks every line', async () => {
    const r = await readEncodingsJsonl(file('{"image_id":"a","slots":[[1]]}\n{"image_id":"b","slots":[[2]]}\n'), { keep: new Set(['b']) });
    expect([...r.encodings.keys()]).toEqual(['b']);
    expect((await failure('{"image_id":"a","slots":[[1]]}\n{"image_id":"b","slots":[[2,3]]}\n', { keep: new Set(['a']) })).message).toBe(
      'INVALID_ENCODINGS: E.jsonl:2: image b slot 0 has 2 numbers, expected 1',
    );
  });

  it.each([
    ['{nope', /^INVALID_ENCODINGS: E\.jsonl:1: not JSON/],
    ['{"slots":[[1]]}', /E\.jsonl:1: expected "image_id"/],
    ['{"image_id":"a","slots":[1,2]}', /E\.jsonl:1: expected "slots": \[\[numbers\], \.\.\.\]/],
    ['{"image_id":"a","slots":[[1,2]]}\n{"image_id":"b","slots":[[1,2],[3,4]]}', /^INVALID_ENCODINGS: E\.jsonl:2: image b has 2 slots, expected 1$/],
    ['{"image_id":"a","slots":[[1,2]]}\n\n{"image_id":"b","slots":[[1]]}', /^INVALID_ENCODINGS: E\.jsonl:3: image b slot 0 has 1 numbers, expected 2$/],
    ['{"image_id":"a","slots":[[1,"x"]]}', /E\.jsonl:1: image a slot 0 value 1 is not a finite number/],
    ['{"image_id":"a","slots":[[1]]}\n{"image_id":"a","slots":[[2]]}', /E\.jsonl:2: image a already appeared on line 1/],
    ['\n\n', /^INVALID_ENCODINGS: E\.jsonl holds no encodings$/],
  ])('refuses %j with file:line', async (text, message) => {
    expect((await failure(text)).message).toMatch(message);
  });

  it('checks the expected slot count and dimension from the first line on', async () => {
    expect((await failure('{"image_id":"a","slots":[[1,2]]}', { slots: 3 })).message).toBe('INVALID_ENCODINGS: E.jsonl:1: image a has 1 slots, expected 3');
    expect((await failure('{"image_id":"a","slots":[[1,2]]}', { dim: 512 })).message).toBe('INVALID_ENCODINGS: E.jsonl:1: image a slot 0 has 2 numbers, expected 512');
  });

  it('a missing file is INPUT_NOT_FOUND', async () => {
    await expect(readEncodingsJsonl(join(dir, 'none.jsonl'))).rejects.toMatchObject({ code: 'INPUT_NOT_FOUND' });
  });
});
