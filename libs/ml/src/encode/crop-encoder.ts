import type { RgbImage } from '../common/rgb-image';
import type { LoadedManifest } from '../manifest/manifest.loader';
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

/** What every CropEncoder of a manifest shares: its slot layout and version, and encode(). */
export abstract class ManifestCropEncoder implements CropEncoder {
  protected constructor(readonly manifest: LoadedManifest) {}

  get slots(): number {
    return this.manifest.slots;
  }

  get version(): string {
    return this.manifest.version;
  }

  get weightsAreGenerated(): boolean {
    return this.manifest.weightsAreGenerated;
  }

  async encode(crop: RgbImage): Promise<Float32Array> {
    return (await this.encodeTimed(crop)).embedding;
  }

  abstract encodeTimed(crop: RgbImage): Promise<EncodedFace>;
  abstract release(): Promise<void>;
}
