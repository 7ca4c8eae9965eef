import { decodeImage } from '../decode/image.decoder';
import { HumanFaceDetector } from '../detect/human-face.detector';
import { locateSingleFace } from '../detect/face.locator';
import { composeAffine, rotationAbout } from './affine';
import { ALIGNED_SIZE } from './arcface-template';
import { warpAffineBilinear } from './bilinear.warp';
import { FaceAligner } from './face.aligner';
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
