import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { RgbImage } from '../../common/rgb-image';
import type { LoadedManifest } from '../../manifest/manifest.loader';
import { ManifestCropEncoder } from '../crop-encoder';
import type { EncodedFace } from '../encoder.ensemble';
import type { OrtSessionConfig } from '../ort-session.factory';
import type { EncoderThreadInit, FromEncoderThread, ToEncoderThread } from './encoder-thread.protocol';
import { startModuleWorker } from './module-worker';
import { fromThreadError } from './thread-error';

/** The thread's entry: beside this file, .ts when running from sources, .js when compiled. */
const THREAD_ENTRY = join(__dirname, `encoder.thread${__filename.endsWith('.ts') ? '.ts' : '.js'}`);

interface Pending {
  resolve: (face: EncodedFace) => void;
  reject: (error: Error) => void;
}

/** One started thread and what it still owes. */
interface EncoderThread {
  worker: Worker;
  pending: Map<number, Pending>;
  exited: Promise<void>;
}

/**
 * The ensemble of a manifest, run in a worker thread: onnxruntime-node runs a session on the
 * thread that calls it, so on the main thread every encoding (a quarter to a whole second here)
 * would stop the event loop. Crops go to the thread in order and are encoded one at a time with
 * all intra-op threads, as EncoderEnsemble does. A thread that dies (a native crash, out of
 * memory) fails what it owed and is started again for the next crop.
 */
export class ThreadedEncoderEnsemble extends ManifestCropEncoder {
  private thread: Promise<EncoderThread> | undefined;
  private nextId = 1;
  private released = false;

  private constructor(
    manifest: LoadedManifest,
    private readonly config: Partial<OrtSessionConfig>,
  ) {
    super(manifest);
  }

  /** Starts the thread and waits until its sessions are open (their errors reject here). */
  static async create(manifest: LoadedManifest, config: Partial<OrtSessionConfig> = {}): Promise<ThreadedEncoderEnsemble> {
    const ensemble = new ThreadedEncoderEnsemble(manifest, config);
    await ensemble.started();
    return ensemble;
  }

  async encodeTimed(crop: RgbImage): Promise<EncodedFace> {
    if (this.released) throw new Error('ThreadedEncoderEnsemble: encode after release');
    const thread = await this.started();
    const id = this.nextId++;
    return new Promise<EncodedFace>((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      thread.worker.ref();
      const data = crop.data.slice();
      this.send(thread, { kind: 'encode', id, width: crop.width, height: crop.height, data }, [data.buffer]);
    });
  }

  /** Lets the thread finish what it has, releases its sessions and ends it. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    const thread = await this.thread?.catch(() => undefined);
    if (!thread) return;
    thread.worker.ref();
    this.send(thread, { kind: 'release' });
    await thread.exited;
  }

  private send(thread: EncoderThread, message: ToEncoderThread, transfer: ArrayBuffer[] = []): void {
    thread.worker.postMessage(message, transfer);
  }

  private started(): Promise<EncoderThread> {
    this.thread ??= this.start();
    return this.thread;
  }

  private start(): Promise<EncoderThread> {
    const init: EncoderThreadInit = { manifest: this.manifest, config: this.config };
    const worker = startModuleWorker(THREAD_ENTRY, init);
    const pending = new Map<number, Pending>();
    let ready: (thread: EncoderThread) => void;
    let failed: (error: Error) => void;
    const starting = new Promise<EncoderThread>((resolve, reject) => {
      ready = resolve;
      failed = reject;
    });
    let lastError: Error | undefined;
    const exited = new Promise<void>((resolve) => {
      worker.once('exit', (code) => {
        const error = lastError ?? new Error(`the encoder thread ended (exit code ${code})`);
        for (const p of pending.values()) p.reject(error);
        pending.clear();
        failed(error);
        // The next crop starts a new thread, unless this ensemble was released.
        if (this.thread === starting) this.thread = undefined;
        resolve();
      });
    });
    const thread: EncoderThread = { worker, pending, exited };
    worker.on('error', (e) => {
      lastError = new Error(`the encoder thread failed: ${e.message}`);
    });
    worker.on('message', (message: FromEncoderThread) => {
      switch (message.kind) {
        case 'ready':
          worker.unref();
          ready(thread);
          return;
        case 'init-failed':
          lastError = fromThreadError(message.error);
          failed(lastError);
          return;
        case 'encoded':
        case 'failed': {
          const owed = pending.get(message.id);
          pending.delete(message.id);
          // An idle thread does not keep the process alive; one that owes answers does.
          if (pending.size === 0) worker.unref();
          if (message.kind === 'encoded') owed?.resolve({ embedding: message.embedding, modelMs: message.modelMs });
          else owed?.reject(fromThreadError(message.error));
          return;
        }
        case 'released':
          void worker.terminate();
          return;
      }
    });
    return starting;
  }
}
