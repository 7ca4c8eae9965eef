import { Point, RgbImage } from '../../common/rgb-image';
import { resizeAxis, sampleBilinear } from './bilinear.sampler';
import { DetectorModel, outputOfSize, squareInputSize } from './detector-model';
import { Corners, enlargedCorners, squaredCorners } from './face-corners';
import { nonMaxSuppression } from './non-max.suppression';

/** Values per anchor in the regressor outputs: box centre offset (x, y), size (w, h), six keypoints (x, y). */
const REGRESSOR_VALUES = 16;
/** The two output heads, coarse grid last in the anchor order: cells per side = input / stride. */
const HEADS = [
  { stride: 16, anchorsPerCell: 2 },
  { stride: 32, anchorsPerCell: 6 },
] as const;
/** Human widens the detector box by this before squaring it into the mesh crop (its `face.detector.scale`). */
const FACE_CROP_ENLARGE = 1.4;

export interface BlazefaceSettings {
  minScore: number;
  maxFaces: number;
  iouThreshold: number;
}

/**
 * A detected face: the square region the mesh model will see (image pixels, whole-pixel corners),
 * the detector score, and the detector's own coarse keypoints (image pixels): the subject's right
 * and left eye (keypoints 0 and 1, image-left and image-right in an upright frontal face) and the
 * nose tip (keypoint 2).
 */
export interface FaceProposal {
  readonly region: Corners;
  readonly score: number;
  readonly eyes: readonly [Point, Point];
  readonly nose: Point;
}

/**
 * BlazeFace (back-camera model, 256²) as Human runs it with rotation off: the whole image resized
 * to the input (no letterbox; the aspect ratio is not kept) in [−1, 1], anchors decoded, sigmoid
 * scores, NMS, then each box scaled to the image, enlarged and squared. Proposals best first.
 */
export class BlazefaceStage {
  private readonly size: number;
  private readonly anchors: Float64Array;

  constructor(
    private readonly model: DetectorModel,
    private readonly settings: BlazefaceSettings,
  ) {
    this.size = squareInputSize(model, 'blazeface');
    this.anchors = blazefaceAnchors(this.size);
  }

  async propose(image: RgbImage): Promise<FaceProposal[]> {
    // Human finds nothing in an empty picture rather than failing.
    if (image.width < 1 || image.height < 1) return [];
    const { size } = this;
    const input = new Float32Array(size * size * 3);
    sampleBilinear(image, resizeAxis(image.width, size), resizeAxis(image.height, size), input, 0, 1 / 127.5, -1);
    const outputs = await this.model.run(input, 1);
    const boxes: Corners[] = [];
    const scores = new Float32Array(this.anchors.length / 2);
    /** Each head's first anchor and regressor rows: the keypoints of the few kept anchors are read from them. */
    const heads: { start: number; regressors: Float32Array }[] = [];
    let anchor = 0;
    for (const head of HEADS) {
      const count = (size / head.stride) ** 2 * head.anchorsPerCell;
      const logits = outputOfSize(outputs, 1, count, 'blazeface scores');
      const regressors = outputOfSize(outputs, 1, count * REGRESSOR_VALUES, 'blazeface boxes');
      heads.push({ start: anchor, regressors });
      for (let i = 0; i < count; i++, anchor++) {
        scores[anchor] = 1 / (1 + Math.exp(-logits[i]));
        const r = i * REGRESSOR_VALUES;
        const cx = this.anchors[anchor * 2] + regressors[r];
        const cy = this.anchors[anchor * 2 + 1] + regressors[r + 1];
        const w = regressors[r + 2];
        const h = regressors[r + 3];
        boxes.push({ x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2 });
      }
    }
    const { minScore, maxFaces, iouThreshold } = this.settings;
    const sx = image.width / size;
    const sy = image.height / size;
    /** Keypoint k of anchor i in image pixels: the anchor centre plus its offset (4 box values, then x, y per keypoint). */
    const keypoint = (i: number, k: number): Point => {
      const head = heads[i >= heads[1].start ? 1 : 0];
      const r = (i - head.start) * REGRESSOR_VALUES + 4 + 2 * k;
      return [(this.anchors[i * 2] + head.regressors[r]) * sx, (this.anchors[i * 2 + 1] + head.regressors[r + 1]) * sy];
    };
    return nonMaxSuppression(boxes, scores, maxFaces, iouThreshold, minScore).map((i) => {
      const b = boxes[i];
      const inImage = { x0: b.x0 * sx, y0: b.y0 * sy, x1: b.x1 * sx, y1: b.y1 * sy };
      return { region: squaredCorners(enlargedCorners(inImage, FACE_CROP_ENLARGE)), score: scores[i], eyes: [keypoint(i, 0), keypoint(i, 1)], nose: keypoint(i, 2) };
    });
  }
}

/**
 * Anchor centres (x, y pairs, input pixels) in the order of the model's rows: per head, cells row
 * by row, each cell's anchors together, all at the cell centre (MediaPipe's fixed anchor size 1).
 */
export function blazefaceAnchors(inputSize: number): Float64Array {
  const centres: number[] = [];
  for (const { stride, anchorsPerCell } of HEADS) {
    const cells = Math.ceil(inputSize / stride);
    for (let row = 0; row < cells; row++) {
      for (let col = 0; col < cells; col++) {
        for (let k = 0; k < anchorsPerCell; k++) centres.push(stride * (col + 0.5), stride * (row + 0.5));
      }
    }
  }
  return Float64Array.from(centres);
}
