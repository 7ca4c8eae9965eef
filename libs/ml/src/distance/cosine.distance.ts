// Module-scope copy: global lookups are slow inside vm contexts (jest).
const { sqrt } = Math;

/** L2-normalises each slot of a slot-major embedding (a zero slot stays zero: cosine 0, distance 1). */
export function normalizeSlots(embedding: Float32Array, slots: number, out: Float32Array = new Float32Array(embedding.length), outOffset = 0): Float32Array {
  const dim = embedding.length / slots;
  if (!Number.isInteger(dim)) throw new RangeError(`embedding of ${embedding.length} values does not split into ${slots} slots`);
  for (let s = 0; s < slots; s++) {
    const base = s * dim;
    let norm = 0;
    for (let i = 0; i < dim; i++) norm += embedding[base + i] * embedding[base + i];
    const inv = norm > 0 ? 1 / sqrt(norm) : 0;
    for (let i = 0; i < dim; i++) out[outOffset + base + i] = embedding[base + i] * inv;
  }
  return out;
}

/**
 * The GestaltMatcher distance of two slot-major embeddings: the arithmetic mean over slots of the
 * cosine distance 1 − cos(aₖ, bₖ) (slot k only against slot k). Computed in float64.
 */
export function ensembleDistance(a: Float32Array, b: Float32Array, slots: number): number {
  if (a.length !== b.length) throw new RangeError(`embeddings differ in length: ${a.length} vs ${b.length}`);
  const dim = a.length / slots;
  if (!Number.isInteger(dim)) throw new RangeError(`embedding of ${a.length} values does not split into ${slots} slots`);
  let total = 0;
  for (let s = 0; s < slots; s++) {
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let i = s * dim; i < (s + 1) * dim; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    const cos = na > 0 && nb > 0 ? dot / sqrt(na * nb) : 0;
    total += 1 - cos;
  }
  return total / slots;
}
