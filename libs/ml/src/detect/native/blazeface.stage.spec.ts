import { applyAffine, rotationAbout } from '../../align/affine';
import { warpAffineBilinear } from '../../align/bilinear.warp';
import { Point, RgbImage } from '../../common/rgb-image';
import { decodeImage } from '../../decode/image.decoder';
import { fixtureBytes } from '../../testing/fixtures';
import { BlazefaceStage } from './blazeface.stage';
import { DetectorModels, disposeDetectorModels } from './detector-model';
import { NativeFaceDetector } from './native-face.detector';
import { loadOrtDetectorModels } from './ort-detector.model';

jest.setTimeout(60_000);

describe("BlazefaceStage: the detector's own keypoints", () => {
  let models: DetectorModels;
  let stage: BlazefaceStage;
  let astronaut: RgbImage;
  let irisCentres: [Point, Point];
  let nose: Point;
  beforeAll(async () => {
    models = await loadOrtDetectorModels();
    stage = new BlazefaceStage(models.blazeface, { minScore: 0.5, maxFaces: 20, iouThreshold: 0.1 });
    astronaut = await decodeImage(fixtureBytes('astronaut.png'));
    const detector = await NativeFaceDetector.create({ meshView: 'photo' });
    const [face] = await detector.detect(astronaut);
    irisCentres = [face.landmarks5[0], face.landmarks5[1]];
    nose = face.landmarks5[2];
    await detector.dispose();
  });
  afterAll(() => disposeDetectorModels(models));

  it("the subject's right eye first (image-left in an upright photo), then the left, each within 8 px of its iris centre; the nose within 12 px of the mesh's", async () => {
    const [proposal] = await stage.propose(astronaut);
    expect(distance(proposal.eyes[0], irisCentres[0])).toBeLessThan(8);
    expect(distance(proposal.eyes[1], irisCentres[1])).toBeLessThan(8);
    expect(distance(proposal.nose, nose)).toBeLessThan(12);
  });

  it.each([-60, -30, 30, 60])('the photo turned by %d°: the eye line turns with it (within 6°), the labels stay with the subject', async (deg) => {
    const turn = rotationAbout([224, 120], (deg * Math.PI) / 180);
    const proposals = await stage.propose(warpAffineBilinear(astronaut, turn, astronaut.width, astronaut.height));
    expect(proposals).toHaveLength(1);
    const [right, left] = proposals[0].eyes;
    const [r0, l0] = irisCentres.map((p) => applyAffine(turn, p));
    const angle = (a: Point, b: Point) => (Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI;
    expect(Math.abs(angle(right, left) - angle(r0, l0))).toBeLessThan(6);
    expect(distance(right, r0)).toBeLessThan(10);
    expect(distance(left, l0)).toBeLessThan(10);
  });
});

function distance(p: Point, q: Point): number {
  return Math.hypot(p[0] - q[0], p[1] - q[1]);
}
