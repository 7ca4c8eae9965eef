import { Landmarks5, RgbImage } from '../common/rgb-image';
import { decodeImage } from '../decode/image.decoder';
import { DetectedFace, FaceDetector, UprightRefiner } from '../detect/face-detector.interface';
import { HumanFaceDetector } from '../detect/human-face.detector';
import { locateSingleFace } from '../detect/face.locator';
import { NativeFaceDetector } from '../detect/native/native-face.detector';
import { Affine, applyAffine, composeAffine, invertAffine, rotationAbout, translation } from './affine';
import { ALIGNED_SIZE } from './arcface-template';
import { warpAffineBilinear } from './bilinear.warp';
import { AlignedFace, FaceAligner } from './face.aligner';
import { fixtureBytes } from '../testing/fixtures';
import sharp from 'sharp';

jest.setTimeout(30_000);

describe('FaceAligner on the astronaut', () => {
  let detector: HumanFaceDetector;
  beforeAll(async () => {
    detector = await HumanFaceDetector.create();
  });
  afterAll(() => detector.dispose());

  it('aligns: 112x112 crop, eye centres within 3 px of the template, the rest near it', async () => {
    const image = await decodeImage(fixtureBytes('astronaut.png'));
    const face = await locateSingleFace(detector, image);
    const aligned = await new FaceAligner(detector).align(image, face);
    expect(aligned.crop.width).toBe(ALIGNED_SIZE);
    expect(aligned.crop.height).toBe(ALIGNED_SIZE);
    expect(aligned.redetected).toBe(true);
    expect(aligned.residualsPx[0]).toBeLessThan(3);
    expect(aligned.residualsPx[1]).toBeLessThan(3);
    for (const r of aligned.residualsPx) expect(r).toBeLessThan(8);
    const meta = await sharp(aligned.png).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([112, 112, 'png']);
  });

  it('can skip the re-detection of nearly upright faces', async () => {
    const image = await decodeImage(fixtureBytes('astronaut.png'));
    const face = await locateSingleFace(detector, image);
    const aligned = await new FaceAligner(detector, { png: false, redetectMinAngleDeg: 45 }).align(image, face);
    expect(aligned.redetected).toBe(false);
    expect(aligned.residualsPx[0]).toBeLessThan(3);
    expect(aligned.residualsPx[1]).toBeLessThan(3);
  });

  it('a photo tilted by 20 degrees comes out upright: the same crop geometry', async () => {
    const image = await decodeImage(fixtureBytes('astronaut.png'));
    const tilt = composeAffine([1, 0, 100, 0, 1, 100], rotationAbout([256, 256], (20 * Math.PI) / 180));
    const tilted = warpAffineBilinear(image, tilt, 712, 712);
    const face = await locateSingleFace(detector, tilted);
    const aligned = await new FaceAligner(detector, { png: false }).align(tilted, face);
    expect(Math.abs(aligned.rotationDeg)).toBeGreaterThan(12);
    expect(aligned.residualsPx[0]).toBeLessThan(3);
    expect(aligned.residualsPx[1]).toBeLessThan(3);
  });
});

/** Photos made from the astronaut: tilted 20° either way, a face cut by the left and by the top border, a tight crop. */
const FROM_ASTRONAUT: Record<string, (a: RgbImage) => RgbImage> = {
  astronaut: (a) => a,
  'tilted +20°': (a) => warpAffineBilinear(a, rotationAbout([224, 120], (20 * Math.PI) / 180), a.width, a.height),
  'tilted −20°': (a) => warpAffineBilinear(a, rotationAbout([224, 120], (-20 * Math.PI) / 180), a.width, a.height),
  'face cut by the left border': (a) => warpAffineBilinear(a, translation(-170, 0), 342, 512),
  'face at the top border': (a) => warpAffineBilinear(a, translation(0, -60), 512, 452),
  'tight crop, tilted': (a) => warpAffineBilinear(a, composeAffine(translation(-150, -40), rotationAbout([224, 120], (15 * Math.PI) / 180)), 150, 170),
};

/** The native detector, counting its calls; `refine: false` hides `refineUpright` so the aligner takes the window path. */
function counting(native: NativeFaceDetector, refine: boolean): FaceDetector & Partial<UprightRefiner> & { calls: { detect: number; refineUpright: number } } {
  const calls = { detect: 0, refineUpright: 0 };
  const detector = {
    name: native.name,
    calls,
    detect: (image: RgbImage) => (calls.detect++, native.detect(image)),
    dispose: async () => undefined,
  };
  if (!refine) return detector;
  return { ...detector, refineUpright: (image: RgbImage, face: DetectedFace, upright: Affine) => (calls.refineUpright++, native.refineUpright(image, face, upright)) };
}

function distances(a: Landmarks5, b: Landmarks5): number[] {
  return a.map((p, i) => Math.hypot(p[0] - b[i][0], p[1] - b[i][1]));
}

describe("FaceAligner with the native detector's photo view: pass 2 through UprightRefiner", () => {
  let native: NativeFaceDetector;
  let astronaut: RgbImage;
  let group: RgbImage;
  beforeAll(async () => {
    native = await NativeFaceDetector.create({ meshView: 'photo' });
    astronaut = await decodeImage(fixtureBytes('astronaut.png'));
    group = await decodeImage(fixtureBytes('2008_002506.jpg'));
  });
  afterAll(() => native.dispose());

  it.each(Object.keys(FROM_ASTRONAUT))('%s: one detector run per photo, crop landmarks within 2 px of the window re-detection, eyes within 3 px of the template', async (name) => {
    const image = FROM_ASTRONAUT[name](astronaut);
    const refining = counting(native, true);
    const face = await locateSingleFace(refining, image);
    const aligned = await new FaceAligner(refining, { png: false }).align(image, face);
    expect(refining.calls).toEqual({ detect: 1, refineUpright: 1 });
    const windowed = counting(native, false);
    const reference = await new FaceAligner(windowed, { png: false }).align(image, face);
    expect(windowed.calls).toEqual({ detect: 1, refineUpright: 0 });
    expect([aligned.redetected, reference.redetected]).toEqual([true, true]);
    for (const d of distances(aligned.cropLandmarks, reference.cropLandmarks)) expect(d).toBeLessThanOrEqual(2);
    expect(aligned.residualsPx[0]).toBeLessThan(3);
    expect(aligned.residualsPx[1]).toBeLessThan(3);
    for (const r of aligned.residualsPx) expect(r).toBeLessThan(8);
  });

  it('each face of the group photo (tilted up to 21°): crop landmarks within 2 px of the window re-detection', async () => {
    const faces = await native.detect(group);
    expect(faces).toHaveLength(3);
    for (const face of faces) {
      const aligned = await new FaceAligner(native, { png: false }).align(group, face);
      const reference = await new FaceAligner(counting(native, false), { png: false }).align(group, face);
      expect([aligned.redetected, reference.redetected]).toEqual([true, true]);
      for (const d of distances(aligned.cropLandmarks, reference.cropLandmarks)) expect(d).toBeLessThanOrEqual(2);
    }
  });

  it('falls back to the pass-1 landmarks, rotated, when the refiner finds no face', async () => {
    const image = FROM_ASTRONAUT['tilted +20°'](astronaut);
    const face = await locateSingleFace(native, image);
    const blind = { ...counting(native, true), refineUpright: async () => undefined };
    const aligned = await new FaceAligner(blind, { png: false }).align(image, face);
    const pass1Only: AlignedFace = await new FaceAligner(native, { png: false, redetectMinAngleDeg: 90 }).align(image, face);
    expect(aligned.redetected).toBe(false);
    expect(aligned.cropLandmarks).toEqual(pass1Only.cropLandmarks);
    expect(aligned.transform).toEqual(pass1Only.transform);
    expect(aligned.residualsPx[0]).toBeLessThan(3);
    expect(aligned.residualsPx[1]).toBeLessThan(3);
  });
});

describe("FaceAligner with the native detector's upright view (its default): the detector's view is pass 2", () => {
  let native: NativeFaceDetector;
  let astronaut: RgbImage;
  let group: RgbImage;
  const turned: Record<string, (a: RgbImage) => RgbImage> = Object.fromEntries(
    [-60, -40, 40, 60].map((deg) => [`turned ${deg}°`, (a: RgbImage) => warpAffineBilinear(a, rotationAbout([224, 120], (deg * Math.PI) / 180), a.width, a.height)]),
  );
  const photos = { ...FROM_ASTRONAUT, ...turned };
  beforeAll(async () => {
    native = await NativeFaceDetector.create();
    astronaut = await decodeImage(fixtureBytes('astronaut.png'));
    group = await decodeImage(fixtureBytes('2008_002506.jpg'));
  });
  afterAll(() => native.dispose());

  it.each(Object.keys(photos))(
    '%s: one detector run, a second landmark pass only where the view is not level within 3°, crop landmarks within 2 px of the window re-detection, eyes within 3 px of the template',
    async (name) => {
      const image = photos[name](astronaut);
      const refining = counting(native, true);
      const face = await locateSingleFace(refining, image);
      const aligned = await new FaceAligner(refining, { png: false }).align(image, face);
      const level = Math.abs(eyeLineDeg((face.upright as NonNullable<DetectedFace['upright']>).landmarks5)) <= 3;
      expect(refining.calls).toEqual({ detect: 1, refineUpright: level ? 0 : 1 });
      expect(aligned.landmarksFrom).toBe(level ? 'detector-upright-view' : 'pass-2');
      const windowed = counting(native, false);
      const reference = await new FaceAligner(windowed, { png: false }).align(image, { ...face, upright: undefined });
      expect(reference.landmarksFrom).toBe('pass-2');
      for (const d of distances(aligned.cropLandmarks, reference.cropLandmarks)) expect(d).toBeLessThanOrEqual(2);
      expect(aligned.residualsPx[0]).toBeLessThan(3);
      expect(aligned.residualsPx[1]).toBeLessThan(3);
      for (const r of aligned.residualsPx) expect(r).toBeLessThan(8);
    },
  );

  it("the astronaut as photographed is fitted from the detector's view: the rotation is the view's", async () => {
    const face = await locateSingleFace(native, astronaut);
    const aligned = await new FaceAligner(native, { png: false }).align(astronaut, face);
    const view = face.upright as NonNullable<DetectedFace['upright']>;
    expect(aligned.landmarksFrom).toBe('detector-upright-view');
    expect(aligned.redetected).toBe(true);
    expect(aligned.rotationDeg).toBeCloseTo((Math.atan2(view.transform[1], view.transform[0]) * 180) / Math.PI, 10);
    // The fitted points are the view's, truncated to whole pixels as the reference does.
    expect(aligned.landmarks.map((p) => p.map((v) => Math.round(v)))).toEqual(
      view.landmarks5.map((p) => applyAffine(invertAffine(view.transform), [Math.trunc(p[0]), Math.trunc(p[1])]).map((v) => Math.round(v))),
    );
  });

  it('each face of the group photo: crop landmarks within 2 px of the window re-detection, from the view where it is level, else from pass 2', async () => {
    const faces = await native.detect(group);
    expect(faces).toHaveLength(3);
    const from = new Set<string>();
    for (const face of faces) {
      const aligned = await new FaceAligner(native, { png: false }).align(group, face);
      const reference = await new FaceAligner(counting(native, false), { png: false }).align(group, { ...face, upright: undefined });
      from.add(aligned.landmarksFrom);
      for (const d of distances(aligned.cropLandmarks, reference.cropLandmarks)) expect(d).toBeLessThanOrEqual(2);
    }
    expect([...from].sort()).toEqual(['detector-upright-view', 'pass-2']);
  });

  it('the astronaut upscaled to 1024², found on a copy downscaled to 640 px (scaleFace), is cropped as the original: crop landmarks within 1 px', async () => {
    const big = await decodeImage(await sharp(fixtureBytes('astronaut.png')).resize(1024, 1024).png().toBuffer());
    const original = await new FaceAligner(native, { png: false }).align(astronaut, await locateSingleFace(native, astronaut));
    const upscaled = await new FaceAligner(native, { png: false }).align(big, await locateSingleFace(native, big));
    expect([original.landmarksFrom, upscaled.landmarksFrom]).toEqual(['detector-upright-view', 'detector-upright-view']);
    for (const d of distances(upscaled.cropLandmarks, original.cropLandmarks)) expect(d).toBeLessThanOrEqual(1);
    expect(upscaled.rotationDeg).toBeCloseTo(original.rotationDeg, 0);
  });

  it("any detector's face with an upright view is fitted from it when level (the detector is not asked again), through that detector's pass 2 when not", async () => {
    const [found] = await native.detect(astronaut);
    const [leftEye, rightEye, nose] = found.landmarks5;
    const level = rotationAbout(nose, Math.atan2(rightEye[1] - leftEye[1], rightEye[0] - leftEye[0]));
    const handMade = (transform: Affine): DetectedFace => ({
      box: found.box,
      landmarks5: found.landmarks5,
      upright: { transform, landmarks5: found.landmarks5.map((p) => applyAffine(transform, p)) as unknown as Landmarks5 },
    });
    const other = counting(native, false); // a detector without refineUpright
    const fromView = await new FaceAligner(other, { png: false }).align(astronaut, handMade(level));
    expect(fromView.landmarksFrom).toBe('detector-upright-view');
    expect(other.calls.detect).toBe(0);
    // A view that leaves the eyes 10° off level: pass 2 runs, on a window of the photo, by the other detector.
    const tilted = await new FaceAligner(other, { png: false }).align(astronaut, handMade(composeAffine(rotationAbout(nose, (-10 * Math.PI) / 180), level)));
    expect(tilted.landmarksFrom).toBe('pass-2');
    expect(other.calls.detect).toBe(1);
    for (const d of distances(tilted.cropLandmarks, fromView.cropLandmarks)) expect(d).toBeLessThanOrEqual(2);
    for (const aligned of [fromView, tilted]) {
      expect(aligned.residualsPx[0]).toBeLessThan(3);
      expect(aligned.residualsPx[1]).toBeLessThan(3);
    }
  });

  it('uprightToleranceDeg 0 sends every face through pass 2; a face turned by 90° comes out level', async () => {
    const refining = counting(native, true);
    const face = await locateSingleFace(refining, astronaut);
    const strict = await new FaceAligner(refining, { png: false, uprightToleranceDeg: 0 }).align(astronaut, face);
    expect(strict.landmarksFrom).toBe('pass-2');
    expect(refining.calls.refineUpright).toBe(1);
    const sideways = warpAffineBilinear(astronaut, rotationAbout([224, 120], -Math.PI / 2), astronaut.width, astronaut.height);
    const aligned = await new FaceAligner(native, { png: false }).align(sideways, await locateSingleFace(native, sideways));
    expect(Math.abs(aligned.rotationDeg)).toBeGreaterThan(80);
    // (The photo view finds no face at all here; BlazeFace's keypoints are coarse this far from upright.)
    expect(aligned.residualsPx[0]).toBeLessThan(4);
    expect(aligned.residualsPx[1]).toBeLessThan(4);
  });
});

function eyeLineDeg([leftEye, rightEye]: Landmarks5): number {
  return (Math.atan2(rightEye[1] - leftEye[1], rightEye[0] - leftEye[0]) * 180) / Math.PI;
}
