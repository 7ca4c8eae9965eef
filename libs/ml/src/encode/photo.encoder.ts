import { AlignedFace, FaceAligner } from '../align/face.aligner';
import { DEFAULT_DECODER_CONFIG, ImageDecoderConfig, decodeImage } from '../decode/image.decoder';
import { DetectedFace, FaceDetector } from '../detect/face-detector.interface';
import { DEFAULT_LOCATOR_CONFIG, FaceLocatorConfig, locateSingleFace } from '../detect/face.locator';
import type { CropEncoder } from './crop-encoder';

export interface PhotoEncoderConfig {
  decoder: ImageDecoderConfig;
  locator: FaceLocatorConfig;
}

export const DEFAULT_PHOTO_ENCODER_CONFIG: PhotoEncoderConfig = { decoder: DEFAULT_DECODER_CONFIG, locator: DEFAULT_LOCATOR_CONFIG };

export interface PhotoTimings {
  decodeMs: number;
  detectMs: number;
  alignMs: number;
  encodeMs: number;
  /** session.run time of each model (inside encodeMs). */
  modelMs: number[];
}

export interface PhotoEncoding {
  /** The face in the photo's pixels (after EXIF orientation). */
  face: DetectedFace;
  aligned: AlignedFace;
  /** Slot-major raw embeddings [slots * 512]. */
  embedding: Float32Array;
  slots: number;
  modelVersion: string;
  weightsAreGenerated: boolean;
  timings: PhotoTimings;
}

/**
 * Photo bytes → one face → aligned 112x112 crop → all slots of the ensemble. Every refusal is a
 * DomainError with a code (IMAGE_EMPTY, IMAGE_UNDECODABLE, IMAGE_TOO_LARGE, IMAGE_NO_FACE,
 * IMAGE_MULTIPLE_FACES, IMAGE_FACE_TOO_SMALL); anything else is a bug or a transient failure.
 */
export class PhotoEncoder {
  readonly config: PhotoEncoderConfig;

  constructor(
    private readonly detector: FaceDetector,
    private readonly aligner: FaceAligner,
    private readonly ensemble: CropEncoder,
    config: Partial<PhotoEncoderConfig> = {},
  ) {
    this.config = { ...DEFAULT_PHOTO_ENCODER_CONFIG, ...config };
  }

  async encode(bytes: Uint8Array): Promise<PhotoEncoding> {
    const t0 = performance.now();
    const image = await decodeImage(bytes, this.config.decoder);
    const t1 = performance.now();
    const face = await locateSingleFace(this.detector, image, this.config.locator);
    const t2 = performance.now();
    const aligned = await this.aligner.align(image, face);
    const t3 = performance.now();
    const { embedding, modelMs } = await this.ensemble.encodeTimed(aligned.crop);
    const t4 = performance.now();
    return {
      face,
      aligned,
      embedding,
      slots: this.ensemble.slots,
      modelVersion: this.ensemble.version,
      weightsAreGenerated: this.ensemble.weightsAreGenerated,
      timings: { decodeMs: t1 - t0, detectMs: t2 - t1, alignMs: t3 - t2, encodeMs: t4 - t3, modelMs },
    };
  }
}
