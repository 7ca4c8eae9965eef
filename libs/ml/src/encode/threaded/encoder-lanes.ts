import type { RgbImage } from '../../common/rgb-image';
import type { LoadedManifest } from '../../manifest/manifest.loader';
import { ManifestCropEncoder } from '../crop-encoder';
import type { EncodedFace } from '../encoder.ensemble';
import type { OrtSessionConfig } from '../ort-session.factory';
import { resolveIntraOpThreads } from '../cpu-budget';
import { ThreadedEncoderEnsemble } from './threaded-encoder.ensemble';

/**
 * Several encoder threads (lanes), each with its own sessions of the whole ensemble and its own
 * share of the cores, for throughput when several photos are in flight. onnxruntime's intra-op
 * threads meet at a barrier after every operator: when the face detection of the next photo takes
 * one of the cores, the encoder's other thread waits at each barrier, so a photo's detection
 * costs the encoder about twice its own CPU. Lanes of one intra-op thread each never wait for one
 * another. Measured on this 2-core machine, paper ensemble, 3 slots, astronaut.png, photos in
 * flight = lanes + 1 (scratch run, not a committed bench): ONNX-only 4.5–5.0 → 4.9–5.4 crops/s
 * (fp32) and 9.5–9.8 → 12.9–13.7 (int8); end to end 3.95–4.19 → 4.46–4.92 photos/s (fp32).
 * The cost: one copy of every session per lane (memory × lanes), and one photo alone takes a lane
 * with a share of the cores (latency × about lanes). A crop goes to the lane with the fewest crops
 * in flight (the first such lane on a tie).
 */
export class EncoderLanes extends ManifestCropEncoder {
  private readonly inFlight: number[];

  private constructor(
    manifest: LoadedManifest,
    private readonly lanes: readonly ThreadedEncoderEnsemble[],
  ) {
    super(manifest);
    this.inFlight = lanes.map(() => 0);
  }

  /**
   * Starts `lanes` encoder threads. Each gets `config.intraOpNumThreads` intra-op threads when
   * that is set (> 0), else an equal share of the cores this process may use (resolveIntraOpThreads).
   */
  static async create(manifest: LoadedManifest, lanes: number, config: Partial<OrtSessionConfig> = {}): Promise<EncoderLanes> {
    if (!Number.isInteger(lanes) || lanes < 1) throw new RangeError(`lanes must be a positive integer, got ${lanes}`);
    const intraOpNumThreads = resolveIntraOpThreads(config.intraOpNumThreads ?? 0, lanes);
    const started = await Promise.allSettled(Array.from({ length: lanes }, () => ThreadedEncoderEnsemble.create(manifest, { ...config, intraOpNumThreads })));
    const ok = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failure = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failure) {
      await Promise.all(ok.map((l) => l.release()));
      throw failure.reason;
    }
    return new EncoderLanes(manifest, ok);
  }

  get laneCount(): number {
    return this.lanes.length;
  }

  async encodeTimed(crop: RgbImage): Promise<EncodedFace> {
    const lane = this.inFlight.indexOf(Math.min(...this.inFlight));
    this.inFlight[lane]++;
    try {
      return await this.lanes[lane].encodeTimed(crop);
    } finally {
      this.inFlight[lane]--;
    }
  }

  async release(): Promise<void> {
    await Promise.all(this.lanes.map((l) => l.release()));
  }
}
