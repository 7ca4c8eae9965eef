import { GalleryIndex } from './gallery.index';

/** Nearest rows of one query, ascending by distance. */
export interface NearestRows {
  rows: Int32Array;
  distances: Float32Array;
}

/**
 * Exact search over a GalleryIndex. `distances` gives the distance to every row (what ranking
 * needs); `nearest` the k closest rows. Queries are raw slot-major embeddings.
 */
export interface GallerySearcher {
  readonly name: string;
  distances(index: GalleryIndex, query: Float32Array): Promise<Float32Array>;
  nearest(index: GalleryIndex, query: Float32Array, k: number): Promise<NearestRows>;
  dispose(): Promise<void>;
}

/** The k smallest of `distances`, ties broken by the lower row, ascending. */
export function smallestK(distances: Float32Array, k: number): NearestRows {
  const n = Math.min(k, distances.length);
  // Max-heap of the best n seen so far (root = worst kept).
  const heap = new Int32Array(n);
  let size = 0;
  const worse = (a: number, b: number) => distances[a] > distances[b] || (distances[a] === distances[b] && a > b);
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && worse(heap[l], heap[m])) m = l;
      if (r < size && worse(heap[r], heap[m])) m = r;
      if (m === i) return;
      const t = heap[i];
      heap[i] = heap[m];
      heap[m] = t;
      i = m;
    }
  };
  for (let row = 0; row < distances.length; row++) {
    if (size < n) {
      let i = size++;
      heap[i] = row;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!worse(heap[i], heap[p])) break;
        const t = heap[i];
        heap[i] = heap[p];
        heap[p] = t;
        i = p;
      }
    } else if (n > 0 && worse(heap[0], row)) {
      heap[0] = row;
      siftDown(0);
    }
  }
  const rows = Int32Array.from(heap.subarray(0, size)).sort((a, b) => (distances[a] - distances[b]) || a - b);
  return { rows, distances: Float32Array.from(rows, (r) => distances[r]) };
}
