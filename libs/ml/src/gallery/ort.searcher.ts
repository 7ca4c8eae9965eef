import { InferenceSession, Tensor } from 'onnxruntime-node';
import { normalizeSlots } from '../distance/cosine.distance';
import { buildSearchGraph } from '../generate/search-graph.builder';
import { encodeOnnxModel } from '../generate/onnx-model.encoder';
import { DEFAULT_ORT_CONFIG, OrtSessionConfig, createOrtSession } from '../encode/ort-session.factory';
import { GalleryIndex } from './gallery.index';
import { GallerySearcher, NearestRows, smallestK } from './gallery.searcher';

interface SearchSessions {
  distances: InferenceSession;
  topK: InferenceSession;
}

/**
 * Exact search as an ONNX Runtime matmul: the MatMul (+ TopK) graph of buildSearchGraph run over
 * each block of the store (the block is passed as a tensor view, no copy). Sessions are built once
 * per (slots, dim) and kept; runs are serialised.
 */
export class OrtSearcher implements GallerySearcher {
  readonly name = 'ort';
  private readonly sessions = new Map<string, Promise<SearchSessions>>();
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * The default config stops the intra-op threads spinning after each search: a search runs
   * between photo encodings, and spinners left behind took a core from the next photo's first
   * model (int8 r50 in a loop of analyses: 21 ms with the stop, 41 ms without it), at no
   * measurable cost to the search (10k x 3 slots: the same time either way).
   */
  constructor(private readonly config: OrtSessionConfig = DEFAULT_ORT_CONFIG) {}

  distances(index: GalleryIndex, query: Float32Array): Promise<Float32Array> {
    return this.serial(async () => {
      const { distances } = await this.sessionsFor(index);
      const store = index.store;
      const q = this.queryTensor(index, query);
      const out = new Float32Array(store.size);
      for (let b = 0; b < store.blockCount; b++) {
        const result = await distances.run({ queries: q, gallery: this.blockTensor(index, b) });
        out.set(result['distances'].data as Float32Array, b * store.rowsPerBlock);
      }
      return out;
    });
  }

  nearest(index: GalleryIndex, query: Float32Array, k: number): Promise<NearestRows> {
    return this.serial(async () => {
      const { topK } = await this.sessionsFor(index);
      const store = index.store;
      const q = this.queryTensor(index, query);
      const candidates: number[] = [];
      const values: number[] = [];
      for (let b = 0; b < store.blockCount; b++) {
        const gallery = this.blockTensor(index, b);
        const kb = Math.min(k, gallery.dims[0]);
        const result = await topK.run({ queries: q, gallery, k: new Tensor('int64', BigInt64Array.of(BigInt(kb)), [1]) });
        const idx = result['indices'].data as BigInt64Array;
        const val = result['values'].data as Float32Array;
        for (let i = 0; i < kb; i++) {
          candidates.push(b * store.rowsPerBlock + Number(idx[i]));
          values.push(val[i]);
        }
      }
      const best = smallestK(Float32Array.from(values), k);
      const rows = Int32Array.from(best.rows, (i) => candidates[i]);
      // Equal distances: the lower row first, as the JS searcher does.
      const order = Array.from(rows.keys()).sort((a, b) => best.distances[a] - best.distances[b] || rows[a] - rows[b]);
      return { rows: Int32Array.from(order, (i) => rows[i]), distances: Float32Array.from(order, (i) => best.distances[i]) };
    });
  }

  async dispose(): Promise<void> {
    await this.queue;
    for (const s of this.sessions.values()) {
      const { distances, topK } = await s;
      await distances.release();
      await topK.release();
    }
    this.sessions.clear();
  }

  private queryTensor(index: GalleryIndex, query: Float32Array): Tensor {
    // One query: its column [width, 1] holds the same values as its row.
    return new Tensor('float32', normalizeSlots(query, index.slots), [index.store.width, 1]);
  }

  private blockTensor(index: GalleryIndex, b: number): Tensor {
    const m = index.store.block(b);
    return new Tensor('float32', m, [m.length / index.store.width, index.store.width]);
  }

  private sessionsFor(index: GalleryIndex): Promise<SearchSessions> {
    const key = `${index.slots}x${index.dim}`;
    let s = this.sessions.get(key);
    if (!s) {
      const make = (topK: boolean) => createOrtSession(encodeOnnxModel(buildSearchGraph({ slots: index.slots, dim: index.dim, topK })), this.config);
      s = Promise.all([make(false), make(true)]).then(([distances, topK]) => ({ distances, topK }));
      this.sessions.set(key, s);
    }
    return s;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.queue.then(fn, fn);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
