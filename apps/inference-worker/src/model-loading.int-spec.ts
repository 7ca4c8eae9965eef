import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventName, JobName } from '@gmdb/domain';
import { ModelRepository } from './repositories/model.repository';
import { TEST_MODEL_DIR, type WorkerHarness, fixturePhoto, startWorkerHarness } from './testing/worker.harness';

jest.setTimeout(60_000);

describe('inference worker with a model file whose sha256 differs from its manifest', () => {
  let w: WorkerHarness;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gmdb-manifest-'));
    const manifest = join(dir, 'manifest.json');
    const model = { file: join(TEST_MODEL_DIR, 'iresnet-r18-seed11.onnx'), sha256: 'f'.repeat(64), arch: 'r18', size: 112, channelOrder: 'RGB', mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5], version: '1' };
    writeFileSync(manifest, JSON.stringify({ version: 'broken-1', ensemble: { slots: 1, models: [{ id: 'm0', ...model }] } }));
    w = await startWorkerHarness({ env: { WORKER_MODEL_MANIFEST: manifest } });
    await w.storage.put('photos/astronaut', fixturePhoto('astronaut.png'), { contentType: 'image/png' });
  });

  afterAll(async () => {
    await w?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts anyway, not ready, naming the models check', async () => {
    expect(w.app.get(ModelRepository).current).toMatchObject({ status: 'failed', error: { code: 'MODEL_CHECKSUM_MISMATCH' } });
    const ready = await fetch(`${w.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { down: string[] }).down).toEqual(['models']);
    expect((await fetch(`${w.url}/health/live`)).status).toBe(200);
  });

  it('encode and analyze jobs complete as failed with MODEL_CHECKSUM_MISMATCH (no stuck job); removals still work', async () => {
    await w.send({ name: JobName.EncodeImage, payload: { imageId: 'img-1', caseId: 'case-1', objectKey: 'photos/astronaut' } });
    expect(await w.outbox(EventName.ImageEncoded)).toEqual([expect.objectContaining({ imageId: 'img-1', status: 'failed', errorCode: 'MODEL_CHECKSUM_MISMATCH' })]);
    await w.send({ name: JobName.AnalyzePhoto, payload: { analysisId: 'an-1', objectKey: 'photos/astronaut' } });
    expect(await w.outbox(EventName.AnalysisCompleted)).toEqual([expect.objectContaining({ analysisId: 'an-1', status: 'failed', errorCode: 'MODEL_CHECKSUM_MISMATCH' })]);
    await w.send({ name: EventName.CaseGalleryChanged, payload: { caseId: 'case-1', accessLevel: 'withdrawn', disorderIds: [], geneSymbols: [], imageIds: ['img-1'] } });
    await w.send({ name: EventName.CaseDeleted, payload: { caseId: 'case-1' } });
  });
});

describe('inference worker loading its models in the background (WORKER_MODEL_LOAD=background)', () => {
  let w: WorkerHarness;
  beforeAll(async () => {
    w = await startWorkerHarness({ env: { WORKER_MODEL_LOAD: 'background' } });
    await w.storage.put('photos/astronaut', fixturePhoto('astronaut.png'), { contentType: 'image/png' });
  });
  afterAll(() => w?.close());

  it('starts at once, says `models` until they are loaded, and a job sent meanwhile waits for them', async () => {
    const early = await fetch(`${w.url}/health/ready`);
    expect(early.status).toBe(503);
    expect(((await early.json()) as { down: string[] }).down).toEqual(['models']);
    await w.send({ name: JobName.EncodeImage, payload: { imageId: 'img-1', caseId: 'case-1', objectKey: 'photos/astronaut' } });
    expect(await w.outbox(EventName.ImageEncoded)).toEqual([expect.objectContaining({ imageId: 'img-1', status: 'done' })]);
    expect((await fetch(`${w.url}/health/ready`)).status).toBe(200);
  });
});

describe('inference worker with the int8 copies of the test ensemble in two encoder lanes', () => {
  let w: WorkerHarness;
  // On a clean checkout the first start quantizes the three r18s (about 15 s here).
  beforeAll(async () => {
    w = await startWorkerHarness({ env: { WORKER_MODEL_PRECISION: 'int8', WORKER_ENCODER_LANES: '2', WORKER_CONCURRENCY: '3' } });
    await w.storage.put('photos/astronaut', fixturePhoto('astronaut.png'), { contentType: 'image/png' });
    await w.storage.put('photos/group', fixturePhoto('2008_002506.jpg'), { contentType: 'image/jpeg' });
  }, 180_000);
  afterAll(() => w?.close());

  it('loads the int8 models under their own version and encodes photos sent together', async () => {
    // The harness asks for 2 intra-op threads; each lane gets them as asked.
    expect(w.app.get(ModelRepository).current).toMatchObject({ status: 'ready', models: { version: 'generated-r18s11-r18s12-r18s13-int8', threads: { lanes: 2, intraOp: 2 } } });
    await Promise.all(
      ['img-a', 'img-b', 'img-c'].map((imageId) => w.send({ name: JobName.EncodeImage, payload: { imageId, caseId: `case-${imageId}`, objectKey: 'photos/astronaut' } })),
    );
    await w.send({ name: JobName.EncodeImage, payload: { imageId: 'img-g', caseId: 'case-g', objectKey: 'photos/group' } });
    const events = await w.outbox<{ imageId: string; status: string; errorCode?: string }>(EventName.ImageEncoded);
    expect(events.filter((e) => e.status === 'done').map((e) => e.imageId).sort()).toEqual(['img-a', 'img-b', 'img-c']);
    expect(events.find((e) => e.imageId === 'img-g')).toMatchObject({ status: 'failed', errorCode: 'IMAGE_MULTIPLE_FACES' });
  });
});
