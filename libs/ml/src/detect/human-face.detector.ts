import type { FaceResult, Human } from '@vladmandic/human';
import { Landmarks5, Point, RgbImage } from '../common/rgb-image';
import { DEFAULT_DETECTOR_CONFIG, DetectedFace, FaceDetector, FaceDetectorConfig } from './face-detector.interface';
import { loadHuman } from './human.loader';
import { landmarks5 } from './landmarks5';
import { MESH_MOUTH_CORNERS, MESH_NOSE_TIP } from './native/mesh-topology';


/**
 * FaceDetector on @vladmandic/human (BlazeFace boxes, face mesh, iris), tfjs wasm backend, offline.
 * Five points: iris centres (the subject's right eye is the image-left one), mesh nose tip and
 * mouth corners. Calls are serialised (Human keeps per-call state). Load once per process.
 */
export class HumanFaceDetector implements FaceDetector {
  readonly name = 'human-blazeface-mesh-iris';
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly human: Human,
    readonly config: FaceDetectorConfig,
  ) {}

  static async create(config: Partial<FaceDetectorConfig> = {}): Promise<HumanFaceDetector> {
    const full = { ...DEFAULT_DETECTOR_CONFIG, ...config };
    return new HumanFaceDetector(await loadHuman(full.minScore, full.maxFaces), full);
  }

  detect(image: RgbImage): Promise<DetectedFace[]> {
    const run = () => this.detectNow(image);
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  async dispose(): Promise<void> {
    await this.queue;
    // Human has no unload; its tensors go with the process. Nothing else is held.
  }

  private async detectNow(image: RgbImage): Promise<DetectedFace[]> {
    const tf = this.human.tf;
    const input = tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
    try {
      const result = await this.human.detect(input);
      return result.face
        .filter((f) => f.boxScore >= this.config.minScore && f.mesh.length > MESH_MOUTH_CORNERS[1])
        .map((f) => toDetectedFace(f))
        .sort((a, b) => b.box.score - a.box.score);
    } finally {
      tf.dispose(input);
    }
  }
}

function toDetectedFace(f: FaceResult): DetectedFace {
  const [x, y, width, height] = f.box;
  return {
    box: { x, y, width, height, score: f.boxScore },
    landmarks5: fivePoints(f),
  };
}

function fivePoints(f: FaceResult): Landmarks5 {
  type Coords = readonly (number | undefined)[];
  const xy = (p: Coords): Point => [p[0] ?? NaN, p[1] ?? NaN];
  const iris = (points: readonly Coords[] | undefined, fallback: readonly Coords[] | undefined): Point => {
    if (points && points.length > 0) return xy(points[0]);
    const pts = fallback ?? [];
    return [pts.reduce((s, p) => s + (p[0] ?? NaN), 0) / pts.length, pts.reduce((s, p) => s + (p[1] ?? NaN), 0) / pts.length];
  };
  const a = f.annotations;
  return landmarks5(
    [iris(a.rightEyeIris, a.rightEyeLower0), iris(a.leftEyeIris, a.leftEyeLower0)],
    xy(f.mesh[MESH_NOSE_TIP]),
    [xy(f.mesh[MESH_MOUTH_CORNERS[0]]), xy(f.mesh[MESH_MOUTH_CORNERS[1]])],
  );
}
