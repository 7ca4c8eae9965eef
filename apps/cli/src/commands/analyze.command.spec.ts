import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, runCliWithEnv } from '../ml/testing/run-cli';

jest.setTimeout(180_000);

const IMAGES = join(__dirname, '..', '..', '..', '..', 'libs', 'ml', 'fixtures', 'images');
const MODEL_DIR = join(__dirname, '..', '..', '..', '..', 'var', 'models');

interface Scored {
  rank: number;
  distance: number;
  gestaltScore: number;
}
interface AnalyzeDoc {
  slots: number;
  generatedWeights: boolean;
  notice?: string;
  gallery: { images: number; imagesUsed: number };
  disorders: (Scored & { disorderId: string })[];
  genes: (Scored & { symbol: string })[];
  patients: (Scored & { caseId: string; imageId: string })[];
}

describe('gmdb analyze (gallery given as files, generated r18 test ensemble)', () => {
  let dir: string;
  let astro: number[][];
  const models = ['--preset', 'test', '--slots', '3', '--model-dir', MODEL_DIR, '--threads', '2'];
  const line = (id: string, slots: number[][]) => JSON.stringify({ image_id: id, slots });
  const write = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gmdb-analyze-'));
    const run = await runCli('encode', join(IMAGES, 'astronaut.png'), ...models, '--out-dir', dir, '--embedding-out', join(dir, 'astro.jsonl'));
    if (run.error) throw run.error;
    astro = (JSON.parse(readFileSync(join(dir, 'astro.jsonl'), 'utf8')) as { slots: number[][] }).slots;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function gallery(): { csv: string; jsonl: string } {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
    const near = astro.map((s) => s.map((v) => v + 0.5 * rand()));
    const far = astro.map((s) => s.map(() => rand()));
    return {
      csv: write('g.csv', 'image_id,subject,label,genes,access_level\np1,case-private,OMIM:1,G1,private\nf1,case-far,OMIM:2,G2,fair\nf2,case-near,OMIM:3;OMIM:4,G3;G4,fair\nu1,case-unsaid,OMIM:5,,\n'),
      jsonl: write('g.jsonl', [line('p1', astro), line('f1', far), line('f2', near), line('u1', far)].join('\n') + '\n'),
    };
  }

  it('ranks disorders and genes with private images counted, and never names a private case', async () => {
    const g = gallery();
    const run = await runCli('analyze', join(IMAGES, 'astronaut.png'), '--gallery', g.csv, '--gallery-encodings', g.jsonl, ...models);
    expect(run.error).toBeUndefined();
    const doc = JSON.parse(run.stdout) as AnalyzeDoc;
    expect(doc.gallery).toMatchObject({ images: 4, imagesUsed: 4 });
    expect(doc.disorders.map((d) => d.disorderId)).toEqual(['OMIM:1', 'OMIM:3', 'OMIM:4', 'OMIM:2', 'OMIM:5']);
    expect(doc.disorders[0].distance).toBeLessThan(1e-4);
    expect(doc.disorders[0].gestaltScore).toBeCloseTo(1.3, 3);
    expect(doc.genes.map((x) => x.symbol)).toEqual(['G1', 'G3', 'G4', 'G2']);
    // p1 (private) and u1 (no access level: private) never appear; f2 is the nearest named patient.
    expect(doc.patients.map((p) => [p.rank, p.caseId, p.imageId])).toEqual([
      [1, 'case-near', 'f2'],
      [2, 'case-far', 'f1'],
    ]);
    expect(doc.generatedWeights).toBe(true);
    expect(doc.notice).toContain('mean nothing');
  });

  it('--exclude-within drops near-identical images, --top caps the lists', async () => {
    const g = gallery();
    const run = await runCli('analyze', join(IMAGES, 'astronaut.png'), '--gallery', g.csv, '--gallery-encodings', g.jsonl, ...models, '--exclude-within', '0.0001', '--top', '1');
    const doc = JSON.parse(run.stdout) as AnalyzeDoc;
    expect(doc.gallery.imagesUsed).toBe(3);
    expect(doc.disorders.map((d) => d.disorderId)).toEqual(['OMIM:3']);
    expect(doc.patients.map((p) => p.caseId)).toEqual(['case-near']);
  });

  it('refuses half a gallery, a missing worker database, encodings of another slot count, an image without encoding, a bad access level', async () => {
    const photo = join(IMAGES, 'astronaut.png');
    expect((await runCli('analyze', photo, '--gallery', write('only.csv', 'image_id,subject,label\n'), ...models)).error?.message).toMatch(/^GALLERY_REQUIRED: /);
    // Neither: the worker's current gallery, here a standalone data folder without its database.
    const missing = await runCliWithEnv({ ...process.env, GMDB_MODE: 'standalone', GMDB_DATA_DIR: dir, WORKER_DATABASE_URL: '' }, 'analyze', photo, ...models);
    expect(missing.error?.message).toBe(`WORKER_DATABASE_MISSING: no inference-worker database at ${join(dir, 'inference-worker.sqlite')}: start the worker once (\`gmdb start\`) or run \`gmdb migrate inference-worker\``);
    const csv = write('g2.csv', 'image_id,subject,label\na,s1,D1\nb,s2,D2\n');
    const twelve = write('g12.jsonl', `${line('a', astro)}\n${line('b', [...astro, ...astro, ...astro, ...astro])}\n`);
    expect((await runCli('analyze', photo, '--gallery', csv, '--gallery-encodings', twelve, ...models)).error?.message).toBe('INVALID_ENCODINGS: g12.jsonl:2: image b has 12 slots, expected 3');
    const onlyA = write('ga.jsonl', `${line('a', astro)}\n`);
    expect((await runCli('analyze', photo, '--gallery', csv, '--gallery-encodings', onlyA, ...models)).error?.message).toBe('INVALID_GALLERY: g2.csv:3: image b has no encoding in ga.jsonl');
    const badAccess = write('g3.csv', 'image_id,subject,label,access_level\na,s1,D1,public\n');
    expect((await runCli('analyze', photo, '--gallery', badAccess, '--gallery-encodings', onlyA, ...models)).error?.message).toBe('INVALID_GALLERY: g3.csv:2: access_level must be fair or private, not public');
  });
});
