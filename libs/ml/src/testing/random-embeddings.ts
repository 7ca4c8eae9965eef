import { SeededRandom } from '../common/seeded-random';

/** Gaussian random embedding (slot-major), deterministic per seed. */
export function randomEmbedding(rng: SeededRandom, length: number): Float32Array {
  const e = new Float32Array(length);
  for (let i = 0; i < length; i++) e[i] = rng.normal();
  return e;
}
