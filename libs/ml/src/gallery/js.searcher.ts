import { normalizeSlots } from '../distance/cosine.distance';
import { GalleryIndex } from './gallery.index';
import { GallerySearcher, NearestRows, smallestK } from './gallery.searcher';

/**
 * Plain TypeScript exact search: the query is slot-normalised once, then each gallery row's
 * distance is 1 − (1/S)·(q · row) over the concatenated slots (slot k only meets slot k), one pass
 * over memory, 4-way unrolled. Single-threaded; see OrtSearcher for the matmul.
 */
export class JsSearcher implements GallerySearcher {
  readonly name = 'js';

  async distances(index: GalleryIndex, query: Float32Array): Promise<Float32Array> {
    const store = index.store;
    const width = store.width;
    const q = normalizeSlots(query, index.slots);
    const out = new Float32Array(store.size);
    const alpha = 1 / index.slots;
    let row = 0;
    for (let b = 0; b < store.blockCount; b++) {
      const m = store.block(b);
      const rows = m.length / width;
      for (let r = 0; r < rows; r++, row++) {
        const base = r * width;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let i = 0;
        for (; i + 3 < width; i += 4) {
          s0 += q[i] * m[base + i];
          s1 += q[i + 1] * m[base + i + 1];
          s2 += q[i + 2] * m[base + i + 2];
          s3 += q[i + 3] * m[base + i + 3];
        }
        for (; i < width; i++) s0 += q[i] * m[base + i];
        out[row] = 1 - alpha * (s0 + s1 + s2 + s3);
      }
    }
    return out;
  }

  async nearest(index: GalleryIndex, query: Float32Array, k: number): Promise<NearestRows> {
    return smallestK(await this.distances(index, query), k);
  }

  async dispose(): Promise<void> {
    // nothing held
  }
}
