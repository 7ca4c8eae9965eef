import { InferenceSession, Tensor } from 'onnxruntime-node';
import { RgbImage } from '../common/rgb-image';
import { EMBEDDING_SIZE } from '../generate/iresnet.arch';
import { LoadedManifest, LoadedModel } from '../manifest/manifest.loader';
import { preprocessCrop } from '../tta/crop.preprocessor';
import { TtaVariant, variantsPerModel } from '../tta/tta.variants';
import { ManifestCropEncoder } from './crop-encoder';
import { DEFAULT_ORT_CONFIG, OrtSessionConfig, createOrtSession } from './ort-session.factory';

export interface EncodedFace {
  /** Slot-major raw embeddings: slots x 512 float32 (slot = model * variants + variant). */
  embedding: Float32Array;
  /** Wall time of each model's session.run, ms (for the pipeline-overhead benchmark). */
  modelMs: number[];
}

interface EncoderModel {
  spec: LoadedModel;
  session: InferenceSession;
  inputName: string;
  outputName: string;
}

/**
 * The ensemble of ONNX encoders of one manifest. Sessions are created once (create() per
 * process); encode() runs the crop's TTA variants through each model as one batch and returns the
 * slots in the reference order (model → flip → gray). Runs are serialised: one inference at a
 * time uses all intra-op threads.
 */
export class EncoderEnsemble extends ManifestCropEncoder {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly models: EncoderModel[],
    manifest: LoadedManifest,
    readonly variants: readonly TtaVariant[],
  ) {
    super(manifest);
  }

  static async create(manifest: LoadedManifest, config: Partial<OrtSessionConfig> = {}): Promise<EncoderEnsemble> {
    const full = { ...DEFAULT_ORT_CONFIG, ...config };
    const variants = variantsPerModel(manifest.models.length, manifest.slots);
    const models: EncoderModel[] = [];
    try {
      for (const spec of manifest.models) {
        const session = await createOrtSession(spec.path, full);
        models.push({ spec, session, inputName: spec.inputName ?? session.inputNames[0], outputName: session.outputNames[0] });
      }
    } catch (e) {
      await Promise.all(models.map((m) => m.session.release()));
      throw e;
    }
    return new EncoderEnsemble(models, manifest, variants);
  }

  encodeTimed(crop: RgbImage): Promise<EncodedFace> {
    const run = () => this.encodeNow(crop);
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  async release(): Promise<void> {
    await this.queue;
    await Promise.all(this.models.map((m) => m.session.release()));
  }

  private async encodeNow(crop: RgbImage): Promise<EncodedFace> {
    const n = this.variants.length;
    const embedding = new Float32Array(this.slots * EMBEDDING_SIZE);
    const modelMs: number[] = [];
    for (const [m, model] of this.models.entries()) {
      const size = model.spec.size;
      if (crop.width !== size || crop.height !== size) {
        throw new RangeError(`model ${model.spec.id} needs a ${size}x${size} crop, got ${crop.width}x${crop.height}`);
      }
      const input = new Tensor('float32', preprocessCrop(crop, this.variants, model.spec), [n, 3, size, size]);
      const t0 = performance.now();
      const out = await model.session.run({ [model.inputName]: input });
      modelMs.push(performance.now() - t0);
      const result = out[model.outputName];
      if (result.dims.length !== 2 || result.dims[0] !== n || result.dims[1] !== EMBEDDING_SIZE) {
        throw new RangeError(`model ${model.spec.id} returned [${result.dims.join(',')}], expected [${n},${EMBEDDING_SIZE}]`);
      }
      embedding.set(result.data as Float32Array, m * n * EMBEDDING_SIZE);
    }
    return { embedding, modelMs };
  }
}

