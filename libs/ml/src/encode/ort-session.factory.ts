import { readFile } from 'node:fs/promises';
import { InferenceSession } from 'onnxruntime-node';
import { rewritePrelu } from '../onnx-rewrite/prelu.rewriter';
import { resolveIntraOpThreads } from './cpu-budget';

/**
 * Where the encoders run. 'cpu' uses the binaries inside onnxruntime-node. 'cuda' needs the CUDA 12
 * provider libraries, which the package's install script fetches from NuGet only when asked: on a
 * GPU node run `ONNXRUNTIME_NODE_INSTALL=cuda12 node node_modules/onnxruntime-node/script/install.js`
 * after `npm ci` (the repo switches the script off), with CUDA 12 and cuDNN 9 on the library path.
 * Untested here (no GPU); CPU stays as the fallback provider.
 */
export type ExecutionProviderName = 'cpu' | 'cuda';

export interface OrtSessionConfig {
  executionProvider: ExecutionProviderName;
  /** Threads per operator (default 0: one per core this process may use, see availableCores). */
  intraOpNumThreads: number;
  /**
   * Stop worker threads spinning after each run (session config `session.force_spinning_stop`):
   * with several sessions in one process idle spinners otherwise steal the running one's cores.
   */
  forceSpinningStop: boolean;
  /**
   * 'cpu' provider only (the encoders, and the native face detector's FaceMesh and Iris): load
   * the model through rewritePrelu, which replaces each per-channel PRelu by ops that onnxruntime's
   * CPU provider keeps in its NCHWc layout (generated r100, batch 1, 2 threads: 92 → 76 ms; Iris
   * 6.4 → 3.1 ms). CUDA has a PRelu kernel of its own.
   */
  preluRewrite?: boolean;
}

export const DEFAULT_ORT_CONFIG: OrtSessionConfig = { executionProvider: 'cpu', intraOpNumThreads: 0, forceSpinningStop: true, preluRewrite: true };

export function ortSessionOptions(config: OrtSessionConfig): InferenceSession.SessionOptions {
  return {
    executionProviders: config.executionProvider === 'cuda' ? ['cuda', 'cpu'] : ['cpu'],
    graphOptimizationLevel: 'all',
    executionMode: 'sequential',
    intraOpNumThreads: resolveIntraOpThreads(config.intraOpNumThreads),
    ...(config.forceSpinningStop ? { extra: { session: { force_spinning_stop: '1' } } } : {}),
  };
}

/** A session of the model file or bytes, its PRelus rewritten first where `config.preluRewrite` asks for it. */
export async function createOrtSession(file: string | Uint8Array, config: OrtSessionConfig = DEFAULT_ORT_CONFIG): Promise<InferenceSession> {
  const options = ortSessionOptions(config);
  if (config.preluRewrite && config.executionProvider === 'cpu') {
    const { model, rewritten } = rewritePrelu(typeof file === 'string' ? await readFile(file) : file);
    if (rewritten > 0) return InferenceSession.create(model, options);
  }
  return typeof file === 'string' ? InferenceSession.create(file, options) : InferenceSession.create(file, options);
}
