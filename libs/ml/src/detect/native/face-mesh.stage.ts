import { RgbImage } from '../../common/rgb-image';
import { cropAxis, sampleBilinear } from './bilinear.sampler';
import { DetectorModel, outputOfSize, squareInputSize } from './detector-model';
import { Corners } from './face-corners';
import { MESH_POINTS } from './mesh-topology';

/** One face through the mesh model, in the crop's own pixels (0..size). */
export interface MeshResult {
  /** The model's face flag (Human's `faceScore`, before rounding). */
  readonly faceScore: number;
  /** 468 points, x, y, z each, in crop pixels. */
  readonly points: Float64Array;
  /** The crop the model saw (HWC, [0, 1]): the iris crops are cut from it, not from the photo. */
  readonly crop: Float32Array;
}

/**
 * FaceMesh (192²) on square face regions: each region cut from the photo with TF's crop rules
 * (parts outside the photo black) and scaled to [0, 1]; all faces in one batch.
 */
export class FaceMeshStage {
  readonly size: number;

  constructor(private readonly model: DetectorModel) {
    this.size = squareInputSize(model, 'facemesh');
  }

  async run(image: RgbImage, regions: readonly Corners[]): Promise<MeshResult[]> {
    if (regions.length === 0) return [];
    const { size } = this;
    const plane = size * size * 3;
    const input = new Float32Array(plane * regions.length);
    regions.forEach((r, i) => {
      const xs = cropAxis(r.x0 / image.width, r.x1 / image.width, image.width, size);
      const ys = cropAxis(r.y0 / image.height, r.y1 / image.height, image.height, size);
      sampleBilinear(image, xs, ys, input, i * plane, 1 / 255);
    });
    const batch = regions.length;
    const outputs = await this.model.run(input, batch);
    const flags = outputOfSize(outputs, batch, 1, 'facemesh face flag');
    const meshes = outputOfSize(outputs, batch, MESH_POINTS * 3, 'facemesh points');
    return regions.map((_, i) => ({
      faceScore: flags[i],
      points: Float64Array.from(meshes.subarray(i * MESH_POINTS * 3, (i + 1) * MESH_POINTS * 3)),
      crop: input.subarray(i * plane, (i + 1) * plane),
    }));
  }
}
