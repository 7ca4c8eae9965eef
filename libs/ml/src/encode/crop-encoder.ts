import type { RgbImage } from '../common/rgb-image';
import type { EncodedFace } from './encoder.ensemble';

/**
 * What the photo pipeline needs from an encoder ensemble: the slots of an aligned crop.
 * EncoderEnsemble runs the sessions on the calling thread; ThreadedEncoderEnsemble runs the same
 * ensemble in a worker thread, so the event loop (detection of the next photo, health checks,
 * queue heartbeats, gallery searches) keeps running while a crop is encoded.
 */
export interface CropEncoder {
  readonly slots: number;
  readonly version: string;
  readonly weightsAreGenerated: boolean;
  /** Slot-major [slots * 512] raw embeddings of an aligned crop. */
  encode(crop: RgbImage): Promise<Float32Array>;
  encodeTimed(crop: RgbImage): Promise<EncodedFace>;
  release(): Promise<void>;
}
