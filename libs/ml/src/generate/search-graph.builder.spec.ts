import { Tensor } from 'onnxruntime-node';
import { SeededRandom } from '../common/seeded-random';
import { ensembleDistance, normalizeSlots } from '../distance/cosine.distance';
import { createOrtSession } from '../encode/ort-session.factory';
import { randomEmbedding } from '../testing/random-embeddings';
import { encodeOnnxModel } from './onnx-model.encoder';
import { buildSearchGraph } from './search-graph.builder';

describe('buildSearchGraph', () => {
  const slots = 3;
  const dim = 16;
  const width = slots * dim;
  const rng = new SeededRandom(31);
  const gallery = Array.from({ length: 41 }, () => normalizeSlots(randomEmbedding(rng, width), slots));
  const queries = Array.from({ length: 4 }, () => normalizeSlots(randomEmbedding(rng, width), slots));
  const galleryTensor = () => {
    const g = new Float32Array(gallery.length * width);
    gallery.forEach((row, i) => g.set(row, i * width));
    return new Tensor('float32', g, [gallery.length, width]);
  };
  /** Queries as the graph takes them: one per column of a [width, Q] matrix. */
  const queryColumns = (qs: Float32Array[]) => {
    const q = new Float32Array(width * qs.length);
    qs.forEach((query, j) => query.forEach((v, k) => (q[k * qs.length + j] = v)));
    return new Tensor('float32', q, [width, qs.length]);
  };

  it('gives [Q, N] mean cosine distances, slot k against slot k, for several queries at once', async () => {
    const session = await createOrtSession(encodeOnnxModel(buildSearchGraph({ slots, dim, topK: false })));
    try {
      const out = (await session.run({ gallery: galleryTensor(), queries: queryColumns(queries) }))['distances'];
      expect(out.dims).toEqual([queries.length, gallery.length]);
      const d = out.data as Float32Array;
      queries.forEach((q, j) => gallery.forEach((g, i) => expect(d[j * gallery.length + i]).toBeCloseTo(ensembleDistance(q, g, slots), 5)));
    } finally {
      await session.release();
    }
  });

  it('with topK: the k nearest rows of each query, nearest first', async () => {
    const session = await createOrtSession(encodeOnnxModel(buildSearchGraph({ slots, dim, topK: true })));
    try {
      const k = 5;
      const out = await session.run({ gallery: galleryTensor(), queries: queryColumns(queries), k: new Tensor('int64', BigInt64Array.of(BigInt(k)), [1]) });
      expect(out['indices'].dims).toEqual([queries.length, k]);
      const indices = out['indices'].data as BigInt64Array;
      queries.forEach((q, j) => {
        const truth = gallery.map((g, i) => ({ i, d: ensembleDistance(q, g, slots) })).sort((a, b) => a.d - b.d);
        expect(Array.from(indices.subarray(j * k, (j + 1) * k), Number)).toEqual(truth.slice(0, k).map((t) => t.i));
      });
    } finally {
      await session.release();
    }
  });

  it('refuses a slot count that is not a positive integer', () => {
    expect(() => buildSearchGraph({ slots: 0, dim, topK: false })).toThrow(RangeError);
    expect(() => buildSearchGraph({ slots: 1.5, dim, topK: false })).toThrow(RangeError);
  });
});
