import type { Affine } from '../../align/affine';
import { RgbImage } from '../../common/rgb-image';
import { sampleAffine } from '../../align/bilinear.warp';
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
 * (parts outside the photo black) and scaled to [0, 1]; all faces in one batch. Or faces whose
 * crops are rotated views of the photo (`runWarped`).
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
    return this.infer(input, regions.length);
  }

  /**
   * Faces whose crops are any affine views of the photo, all in one batch: each `cropToImage` maps
   * its crop's pixels (0..size−1) to the photo's; crops are sampled bilinearly, black outside the photo.
   */
  async runWarped(image: RgbImage, cropToImage: readonly Affine[]): Promise<MeshResult[]> {
    if (cropToImage.length === 0) return [];
    const { size } = this;
    const plane = size * size * 3;
    const input = new Float32Array(plane * cropToImage.length);
    cropToImage.forEach((m, i) => sampleAffine(image, m, size, size, input, i * plane, 1 / 255));
    return this.infer(input, cropToImage.length);
  }

  private async infer(input: Float32Array, batch: number): Promise<MeshResult[]> {
    const plane = this.size * this.size * 3;
    const outputs = await this.model.run(input, batch);
    const flags = outputOfSize(outputs, batch, 1, 'facemesh face flag');
    const meshes = outputOfSize(outputs, batch, MESH_POINTS * 3, 'facemesh points');
    return Array.from({ length: batch }, (_, i) => ({
      faceScore: flags[i],
      points: Float64Array.from(meshes.subarray(i * MESH_POINTS * 3, (i + 1) * MESH_POINTS * 3)),
      crop: input.subarray(i * plane, (i + 1) * plane),
    }));
  }
}
