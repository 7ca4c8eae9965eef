import { TEST_ENSEMBLE, ensureGeneratedManifest } from '../../manifest/default-manifest';
import type { LoadedManifest } from '../../manifest/manifest.loader';
import { TEST_MODEL_DIR } from '../../testing/fixtures';
import { noiseCrop } from '../../testing/noise-crop';
import { EncoderEnsemble } from '../encoder.ensemble';
import { EncoderLanes } from './encoder-lanes';
import { ThreadedEncoderEnsemble } from './threaded-encoder.ensemble';

jest.setTimeout(120_000);

const maxAbsDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe('EncoderLanes (three generated r18s, 3 slots, two lanes)', () => {
  let manifest: LoadedManifest;
  let reference: EncoderEnsemble;
  let lanes: EncoderLanes;

  beforeAll(async () => {
    manifest = await ensureGeneratedManifest({ dir: TEST_MODEL_DIR, specs: TEST_ENSEMBLE, slots: 3 });
    reference = await EncoderEnsemble.create(manifest, { intraOpNumThreads: 2 });
    lanes = await EncoderLanes.create(manifest, 2);
  });
  afterAll(async () => {
    await reference?.release();
    await lanes?.release();
  });

  it('reports the manifest and gives the slots of the one-thread ensemble for every crop in flight, in order', async () => {
    expect([lanes.laneCount, lanes.slots, lanes.version, lanes.weightsAreGenerated]).toEqual([2, 3, manifest.version, true]);
    const crops = [1, 2, 3, 4, 5].map(noiseCrop);
    const together = await Promise.all(crops.map((c) => lanes.encode(c)));
    for (const [i, crop] of crops.entries()) {
      const alone = await reference.encode(crop);
      // One intra-op thread against two: the same sums, at most reordered.
      expect(maxAbsDiff(together[i], alone)).toBeLessThan(1e-4);
    }
    // Different crops, different slots: the answers are not swapped between crops in flight.
    expect(maxAbsDiff(together[0], together[1])).toBeGreaterThan(1e-3);
  });

  it('sends a crop to the lane with the fewest in flight, so two crops run on both lanes at once', async () => {
    const calls = [0, 0];
    const inner = (lanes as unknown as { lanes: ThreadedEncoderEnsemble[] }).lanes;
    const spies = inner.map((lane, i) => jest.spyOn(lane, 'encodeTimed').mockImplementationOnce(function (this: ThreadedEncoderEnsemble, crop) {
      calls[i]++;
      return ThreadedEncoderEnsemble.prototype.encodeTimed.call(lane, crop);
    }));
    await Promise.all([lanes.encode(noiseCrop(6)), lanes.encode(noiseCrop(7))]);
    expect(calls).toEqual([1, 1]);
    spies.forEach((s) => s.mockRestore());
  });

  it('refuses a lane count that is not a positive integer', async () => {
    await expect(EncoderLanes.create(manifest, 0)).rejects.toThrow(RangeError);
    await expect(EncoderLanes.create(manifest, 1.5)).rejects.toThrow(RangeError);
  });

  it('fails to start as a whole, releasing the lanes that did start, when a model cannot load', async () => {
    const broken: LoadedManifest = { ...manifest, models: manifest.models.map((m, i) => (i === 1 ? { ...m, path: `${m.path}.missing` } : m)) };
    await expect(EncoderLanes.create(broken, 2)).rejects.toThrow();
  });
});
