import { ErrorCode } from '@gmdb/domain';
import { FaceAligner } from '../align/face.aligner';
import { HumanFaceDetector } from '../detect/human-face.detector';
import { TEST_ENSEMBLE, ensureGeneratedManifest } from '../manifest/default-manifest';
import { TEST_MODEL_DIR, fixtureBytes } from '../testing/fixtures';
import { EncoderEnsemble } from './encoder.ensemble';
import { PhotoEncoder } from './photo.encoder';

jest.setTimeout(90_000);

describe('PhotoEncoder end to end (Human + generated r18 ensemble, 12 slots)', () => {
  let detector: HumanFaceDetector;
  let ensemble: EncoderEnsemble;
  let encoder: PhotoEncoder;
  beforeAll(async () => {
    detector = await HumanFaceDetector.create();
    ensemble = await EncoderEnsemble.create(await ensureGeneratedManifest({ dir: TEST_MODEL_DIR, specs: TEST_ENSEMBLE, slots: 12 }), { intraOpNumThreads: 2 });
    encoder = new PhotoEncoder(detector, new FaceAligner(detector), ensemble);
  });
  afterAll(async () => {
    await ensemble?.release();
    await detector?.dispose();
  });

  it('astronaut: one face, aligned crop with eyes within 3 px of the template, 12 slots', async () => {
    const r = await encoder.encode(fixtureBytes('astronaut.png'));
    expect(r.slots).toBe(12);
    expect(r.embedding).toHaveLength(12 * 512);
    expect(r.embedding.every((v) => Number.isFinite(v))).toBe(true);
    expect(r.aligned.residualsPx[0]).toBeLessThan(3);
    expect(r.aligned.residualsPx[1]).toBeLessThan(3);
    expect(r.aligned.png?.length).toBeGreaterThan(1000);
    expect(r.weightsAreGenerated).toBe(true);
    expect(r.timings.modelMs).toHaveLength(3);
  });

  it.each([
    [Buffer.alloc(0), ErrorCode.IMAGE_EMPTY],
    [Buffer.from('not a photo at all'), ErrorCode.IMAGE_UNDECODABLE],
    [fixtureBytes('coffee.png'), ErrorCode.IMAGE_NO_FACE],
    [fixtureBytes('2008_002506.jpg'), ErrorCode.IMAGE_MULTIPLE_FACES],
  ])('bad input #%# -> coded error', async (bytes, code) => {
    await expect(encoder.encode(bytes)).rejects.toMatchObject({ code });
  });

  it('a photo above the pixel limit -> IMAGE_TOO_LARGE', async () => {
    const small = new PhotoEncoder(detector, new FaceAligner(detector), ensemble, { decoder: { maxPixels: 1000 } });
    await expect(small.encode(fixtureBytes('astronaut.png'))).rejects.toMatchObject({ code: ErrorCode.IMAGE_TOO_LARGE });
  });
});
