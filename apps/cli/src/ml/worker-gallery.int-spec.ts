import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inferenceWorkerDefinition } from '@gmdb/inference-worker';
import { type TestDatabase, createTestDatabase } from '@gmdb/platform/testing';
import { runCliWithEnv } from './testing/run-cli';
import { runMain } from './testing/run-main';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..', '..', '..');
const ASTRONAUT = join(ROOT, 'libs', 'ml', 'fixtures', 'images', 'astronaut.png');
const MODEL_DIR = join(ROOT, 'var', 'models');

interface Scored {
  rank: number;
  distance: number;
}
interface AnalyzeDoc {
  modelVersion: string;
  slots: number;
  gallery: { source: string; images: number; imagesUsed: number };
  disorders: (Scored & { disorderId: string })[];
  genes: (Scored & { symbol: string })[];
  patients: (Scored & { caseId: string; imageId: string })[];
}

/** Slot-major little-endian float32, as the worker stores embeddings. */
function blob(slots: number[][]): Buffer {
  const values = slots.flat();
  const out = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => out.writeFloatLE(v, i * 4));
  return out;
}

/** Runs main() (exit code included) with these variables set in process.env for the call. */
async function runMainWithEnv(vars: Record<string, string>, ...args: string[]): ReturnType<typeof runMain> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await runMain(...args);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('gmdb analyze against the worker\u2019s current gallery (MariaDB, distributed mode, generated r18 test ensemble)', () => {
  let db: TestDatabase;
  let dir: string;
  let env: Record<string, string>;
  let modelVersion: string;

  async function insertImage(imageId: string, caseId: string, version: string, slots: number[][], meta: { access: 'fair' | 'private' | null; disorders: string[]; genes: string[] }): Promise<void> {
    const now = new Date();
    await db.dataSource.query(
      'INSERT INTO worker_image_embeddings (image_id, model_version, case_id, status, error_code, slots, embedding, face_boxes, landmarks, quality, crop_key, access_level, disorder_ids, gene_symbols, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?, NULL, NULL, NULL, NULL, ?, ?, ?, ?, ?)',
      [imageId, version, caseId, 'done', slots.length, blob(slots), meta.access, JSON.stringify(meta.disorders), JSON.stringify(meta.genes), now, now],
    );
  }

  async function insertCase(caseId: string, access: 'fair' | 'private' | 'withdrawn', disorders: string[], genes: string[]): Promise<void> {
    await db.dataSource.query('INSERT INTO worker_gallery_cases (case_id, access_level, disorder_ids, gene_symbols, updated_at) VALUES (?, ?, ?, ?, ?)', [
      caseId,
      access,
      JSON.stringify(disorders),
      JSON.stringify(genes),
      new Date(),
    ]);
  }

  beforeAll(async () => {
    db = await createTestDatabase({ entities: inferenceWorkerDefinition.entities, migrations: inferenceWorkerDefinition.migrations });
    dir = mkdtempSync(join(tmpdir(), 'gmdb-analyze-worker-'));
    env = {
      ...(process.env as Record<string, string>),
      GMDB_MODE: 'distributed',
      AUTH_JWT_SECRET: 'k'.repeat(40),
      WORKER_DATABASE_URL: db.url,
      WORKER_MODEL_PRESET: 'test',
      WORKER_MODEL_DIR: MODEL_DIR,
      WORKER_INTRA_OP_THREADS: '2',
    };
    const encoded = await runCliWithEnv(env, 'encode', ASTRONAUT, '--preset', 'test', '--slots', '3', '--model-dir', MODEL_DIR, '--threads', '2', '--out-dir', dir, '--embedding-out', join(dir, 'astro.jsonl'));
    if (encoded.error) throw encoded.error;
    modelVersion = (JSON.parse(encoded.stdout) as { modelVersion: string }).modelVersion;
    const astro = (JSON.parse(readFileSync(join(dir, 'astro.jsonl'), 'utf8')) as { slots: number[][] }).slots;
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
    const near = astro.map((s) => s.map((v) => v + 0.5 * rand()));
    const far = astro.map((s) => s.map(() => rand()));

    // As case.gallery-changed left them: a private case, a FAIR one, a FAIR one far away, a withdrawn one.
    await insertCase('case-private', 'private', ['OMIM:1'], ['G1']);
    await insertCase('case-fair', 'fair', ['OMIM:3'], ['G3']);
    await insertCase('case-far', 'fair', ['OMIM:2'], ['G2']);
    await insertCase('case-withdrawn', 'withdrawn', ['OMIM:9'], ['G9']);
    await insertImage('p1', 'case-private', modelVersion, astro, { access: 'private', disorders: ['OMIM:1'], genes: ['G1'] });
    await insertImage('f1', 'case-fair', modelVersion, near, { access: 'fair', disorders: ['OMIM:3'], genes: ['G3'] });
    await insertImage('f2', 'case-far', modelVersion, far, { access: 'fair', disorders: ['OMIM:2'], genes: ['G2'] });
    // A row that outlived its case's withdrawal (it would rank first, with its old labels).
    await insertImage('w1', 'case-withdrawn', modelVersion, astro, { access: 'fair', disorders: ['OMIM:9'], genes: ['G9'] });
    // A case the worker has not heard of: private, without labels.
    await insertImage('u1', 'case-unknown', modelVersion, near, { access: null, disorders: [], genes: [] });
    // Another model version: not this gallery.
    await insertImage('o1', 'case-fair', 'another-version', astro, { access: 'fair', disorders: ['OMIM:7'], genes: ['G7'] });
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db?.drop();
  });

  it('ranks against the embedding table: withdrawn left out, private counted for disorders and genes but never named', async () => {
    const run = await runCliWithEnv(env, 'analyze', ASTRONAUT);
    expect(run.error).toBeUndefined();
    const doc = JSON.parse(run.stdout) as AnalyzeDoc;
    expect(doc).toMatchObject({ modelVersion, slots: 3 });
    expect(doc.gallery).toMatchObject({ images: 4, imagesUsed: 4 });
    expect(doc.gallery.source).toBe(`inference-worker database mysql://${new URL(db.url).host}/${db.name}`);
    expect(doc.disorders.map((d) => d.disorderId)).toEqual(['OMIM:1', 'OMIM:3', 'OMIM:2']);
    expect(doc.disorders[0].distance).toBeLessThan(1e-4);
    expect(doc.genes.map((g) => g.symbol)).toEqual(['G1', 'G3', 'G2']);
    expect(doc.patients.map((p) => [p.rank, p.caseId, p.imageId])).toEqual([
      [1, 'case-fair', 'f1'],
      [2, 'case-far', 'f2'],
    ]);
    for (const hidden of ['case-private', 'p1', 'case-withdrawn', 'w1', 'OMIM:9', 'G9', 'case-unknown', 'u1', 'OMIM:7']) expect(run.stdout).not.toContain(`"${hidden}"`);
  });

  it('an empty gallery for the worker\u2019s model version and slots: GALLERY_EMPTY, exit 1', async () => {
    const run = await runMainWithEnv({ ...env, WORKER_TTA_SLOTS: '12' }, 'analyze', ASTRONAUT);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^gmdb: GALLERY_EMPTY: the worker's gallery \(inference-worker database mysql:\/\/[^)]+\) has no encoded photo of model version \S+ with 12 slots/);
  });

  it('refuses a worker database that is not migrated', async () => {
    const bare = await createTestDatabase({ entities: inferenceWorkerDefinition.entities, migrations: inferenceWorkerDefinition.migrations, migrate: false });
    try {
      const run = await runCliWithEnv({ ...env, WORKER_DATABASE_URL: bare.url }, 'analyze', ASTRONAUT);
      expect(run.error?.message).toMatch(/^WORKER_DATABASE_NOT_MIGRATED: .*gmdb migrate inference-worker/);
    } finally {
      await bare.drop();
    }
  });
});
