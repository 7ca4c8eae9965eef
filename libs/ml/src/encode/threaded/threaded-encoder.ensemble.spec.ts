import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { rgbImage } from '../../common/rgb-image';
import { TEST_ENSEMBLE, ensureGeneratedManifest } from '../../manifest/default-manifest';
import type { LoadedManifest } from '../../manifest/manifest.loader';
import { TEST_MODEL_DIR } from '../../testing/fixtures';
import { EncoderEnsemble } from '../encoder.ensemble';
import { ThreadedEncoderEnsemble } from './threaded-encoder.ensemble';
import { noiseCrop } from '../../testing/noise-crop';

jest.setTimeout(120_000);

/** Timer ticks the event loop ran while `work` was in flight. */
async function ticksDuring(work: () => Promise<unknown>): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return ticks;
}

const workerOf = (e: ThreadedEncoderEnsemble) => (e as unknown as { thread: Promise<{ worker: Worker }> }).thread;

describe('ThreadedEncoderEnsemble (three generated r18s, 12 slots)', () => {
  let manifest: LoadedManifest;
  let inProcess: EncoderEnsemble;
  let threaded: ThreadedEncoderEnsemble;

  beforeAll(async () => {
    manifest = await ensureGeneratedManifest({ dir: TEST_MODEL_DIR, specs: TEST_ENSEMBLE, slots: 12 });
    inProcess = await EncoderEnsemble.create(manifest, { intraOpNumThreads: 2 });
    threaded = await ThreadedEncoderEnsemble.create(manifest, { intraOpNumThreads: 2 });
  });
  afterAll(async () => {
    await inProcess?.release();
    await threaded?.release();
  });

  it('gives the same slots as the ensemble on the calling thread, and reports the same manifest', async () => {
    const crop = noiseCrop(1);
    const [here, there] = [await inProcess.encodeTimed(crop), await threaded.encodeTimed(crop)];
    expect(there.embedding).toHaveLength(12 * 512);
    expect(Array.from(there.embedding)).toEqual(Array.from(here.embedding));
    expect(there.modelMs).toHaveLength(3);
    expect([threaded.slots, threaded.version, threaded.weightsAreGenerated]).toEqual([inProcess.slots, inProcess.version, inProcess.weightsAreGenerated]);
  });

  it('keeps the event loop running while it encodes (the calling-thread ensemble stops it)', async () => {
    const crop = noiseCrop(2);
    const blocked = await ticksDuring(() => inProcess.encode(crop));
    const free = await ticksDuring(() => threaded.encode(crop));
    expect(free).toBeGreaterThan(10);
    expect(free).toBeGreaterThan(3 * blocked);
  });

  it('answers crops sent at once each with its own slots, and refuses a wrong crop without stopping', async () => {
    const crops = [3, 4, 5].map(noiseCrop);
    const expected = await Promise.all(crops.map((c) => inProcess.encode(c)));
    const wrong = threaded.encode(rgbImage(100, 100)).catch((e: unknown) => e);
    const answers = await Promise.all(crops.map((c) => threaded.encode(c)));
    expect(await wrong).toBeInstanceOf(RangeError);
    answers.forEach((a, i) => expect(Array.from(a)).toEqual(Array.from(expected[i])));
  });

  it('starts a new thread for the next crop when its thread has ended', async () => {
    // Ended while idle: ending a thread inside a native session run would abort the process.
    const crop = noiseCrop(6);
    const before = await workerOf(threaded);
    await before.worker.terminate();
    expect(Array.from(await threaded.encode(crop))).toEqual(Array.from(await inProcess.encode(crop)));
    expect(await workerOf(threaded)).not.toBe(before);
  });

  it('refuses to start on a model file onnxruntime cannot read, and encodes nothing after release', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gmdb-threaded-'));
    const broken = join(dir, 'broken.onnx');
    writeFileSync(broken, 'not an onnx model');
    const bad: LoadedManifest = { ...manifest, models: manifest.models.map((m) => ({ ...m, path: broken })) };
    await expect(ThreadedEncoderEnsemble.create(bad)).rejects.toThrow();

    const short = await ThreadedEncoderEnsemble.create(manifest, { intraOpNumThreads: 1 });
    const last = short.encode(noiseCrop(7));
    await short.release();
    expect(await last).toHaveLength(12 * 512);
    await expect(short.encode(noiseCrop(7))).rejects.toThrow(/after release/);
  });
});
