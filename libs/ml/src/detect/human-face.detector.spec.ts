import { DomainError, ErrorCode } from '@gmdb/domain';
import { decodeImage } from '../decode/image.decoder';
import { FixtureName, fixtureBytes } from '../testing/fixtures';
import { HumanFaceDetector } from './human-face.detector';
import { DEFAULT_LOCATOR_CONFIG, locateSingleFace } from './face.locator';

jest.setTimeout(30_000);

describe('HumanFaceDetector on the fixture photos (offline, wasm)', () => {
  let detector: HumanFaceDetector;
  beforeAll(async () => {
    detector = await HumanFaceDetector.create();
  });
  afterAll(() => detector.dispose());

  const load = async (name: FixtureName) => decodeImage(fixtureBytes(name));

  it('finds the one face of the astronaut with five plausible landmarks', async () => {
    const image = await load('astronaut.png');
    const faces = await detector.detect(image);
    expect(faces).toHaveLength(1);
    const [face] = faces;
    expect(face.box.score).toBeGreaterThan(0.5);
    const [le, re, nose, lm, rm] = face.landmarks5;
    expect(le[0]).toBeLessThan(re[0]);
    expect(lm[0]).toBeLessThan(rm[0]);
    expect(nose[1]).toBeGreaterThan(le[1]);
    expect(lm[1]).toBeGreaterThan(nose[1]);
    for (const [x, y] of face.landmarks5) {
      expect(x).toBeGreaterThanOrEqual(face.box.x);
      expect(x).toBeLessThanOrEqual(face.box.x + face.box.width);
      expect(y).toBeGreaterThanOrEqual(face.box.y);
      expect(y).toBeLessThanOrEqual(face.box.y + face.box.height);
    }
    const located = await locateSingleFace(detector, image);
    expect(located.box.x).toBeCloseTo(face.box.x, 6);
  });

  it.each<FixtureName>(['coffee.png', 'chelsea.png'])('%s: no face -> IMAGE_NO_FACE', async (name) => {
    const image = await load(name);
    expect(await detector.detect(image)).toHaveLength(0);
    await expect(locateSingleFace(detector, image)).rejects.toMatchObject({ code: ErrorCode.IMAGE_NO_FACE });
  });

  it('group photo: several faces -> IMAGE_MULTIPLE_FACES with every box', async () => {
    const image = await load('2008_002506.jpg');
    const error = await locateSingleFace(detector, image).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    const domain = error as DomainError;
    expect(domain.code).toBe(ErrorCode.IMAGE_MULTIPLE_FACES);
    const faces = domain.details?.['faces'] as { width: number }[];
    expect(faces.length).toBeGreaterThanOrEqual(2);
    expect(faces.every((f) => f.width > 0)).toBe(true);
  });

  it('a threshold above every score counts no face; a tiny-face minimum size refuses the astronaut', async () => {
    const image = await load('astronaut.png');
    await expect(locateSingleFace(detector, image, { ...DEFAULT_LOCATOR_CONFIG, minScore: 0.999 })).rejects.toMatchObject({ code: ErrorCode.IMAGE_NO_FACE });
    await expect(locateSingleFace(detector, image, { ...DEFAULT_LOCATOR_CONFIG, minFaceSizePx: 400 })).rejects.toMatchObject({
      code: ErrorCode.IMAGE_FACE_TOO_SMALL,
    });
  });

  it('detects on a downscaled copy of a large photo and reports the face in original pixels', async () => {
    const image = await load('astronaut.png');
    const small = await detector.detect(image);
    const located = await locateSingleFace(detector, image, { ...DEFAULT_LOCATOR_CONFIG, detectMaxSide: 256 });
    expect(Math.abs(located.box.x - small[0].box.x)).toBeLessThan(12);
    expect(Math.abs(located.landmarks5[2][0] - small[0].landmarks5[2][0])).toBeLessThan(8);
  });
});
