import { EncoderEnsemble, FaceAligner, type FaceDetectorKind, type LoadedManifest, PhotoEncoder, createFaceDetector } from '@gmdb/ml';

/** Detector, aligner and encoder ensemble of one CLI run; close() releases the ONNX sessions. */
export interface PhotoPipeline {
  encoder: PhotoEncoder;
  manifest: LoadedManifest;
  close(): Promise<void>;
}

export interface PipelineOptions {
  /** Threads per ONNX operator (0: one per core this process may use). */
  threads?: number;
  /** Face detector (default native). */
  detector?: FaceDetectorKind;
}

export async function openPhotoPipeline(manifest: LoadedManifest, options: PipelineOptions = {}): Promise<PhotoPipeline> {
  const detector = await createFaceDetector(options.detector ?? 'native');
  let ensemble: EncoderEnsemble;
  try {
    ensemble = await EncoderEnsemble.create(manifest, { intraOpNumThreads: options.threads ?? 0 });
  } catch (e) {
    await detector.dispose();
    throw e;
  }
  return {
    encoder: new PhotoEncoder(detector, new FaceAligner(detector), ensemble),
    manifest,
    close: async () => {
      await ensemble.release();
      await detector.dispose();
    },
  };
}

/** Opens the pipeline, runs `body`, always closes. */
export async function withPhotoPipeline<T>(manifest: LoadedManifest, options: PipelineOptions, body: (p: PhotoPipeline) => Promise<T>): Promise<T> {
  const pipeline = await openPhotoPipeline(manifest, options);
  try {
    return await body(pipeline);
  } finally {
    await pipeline.close();
  }
}
