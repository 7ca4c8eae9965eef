import { SeededRandom } from '../common/seeded-random';
import { ensembleDistance } from './cosine.distance';

export interface CohortComparisonOptions {
  slots: number;
  /** Label permutations for the p-value (default 1000). */
  permutations?: number;
  /** Seed of the permutations: the same inputs and seed give the same p-value. */
  seed?: number;
}

export interface CohortComparison {
  /** Mean pairwise distance within A, within B, and between A and B. */
  withinA: number;
  withinB: number;
  between: number;
  /** between − mean of the within-set means: > 0 when the sets look apart. */
  statistic: number;
  /** One-sided permutation p-value (with the +1 correction): how often shuffled sets are at least as far apart. */
  pValue: number;
  permutations: number;
}

/**
 * Compares two sets of photos (e.g. one variant vs the rest of a gene's cohort): mean pairwise
 * ensemble distance within and between the sets and a permutation test of
 * between − (withinA + withinB)/2. The pairwise matrix is computed once (n² / 2 distances).
 */
export function compareCohorts(a: readonly Float32Array[], b: readonly Float32Array[], options: CohortComparisonOptions): CohortComparison {
  if (a.length < 2 || b.length < 2) throw new RangeError('each set needs at least 2 images');
  const all = [...a, ...b];
  const n = all.length;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = ensembleDistance(all[i], all[j], options.slots);
      d[i * n + j] = v;
      d[j * n + i] = v;
    }
  }
  const stats = (inA: Uint8Array) => {
    let wa = 0;
    let wb = 0;
    let bt = 0;
    let na = 0;
    let nb = 0;
    let nt = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const v = d[i * n + j];
        if (inA[i] && inA[j]) {
          wa += v;
          na++;
        } else if (!inA[i] && !inA[j]) {
          wb += v;
          nb++;
        } else {
          bt += v;
          nt++;
        }
      }
    }
    const withinA = wa / na;
    const withinB = wb / nb;
    const between = bt / nt;
    return { withinA, withinB, between, statistic: between - (withinA + withinB) / 2 };
  };
  const labels = new Uint8Array(n);
  labels.fill(1, 0, a.length);
  const observed = stats(labels);
  const permutations = options.permutations ?? 1000;
  const rng = new SeededRandom(options.seed ?? 1);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let atLeast = 0;
  const shuffled = new Uint8Array(n);
  for (let p = 0; p < permutations; p++) {
    rng.shuffle(order);
    shuffled.fill(0);
    for (let i = 0; i < a.length; i++) shuffled[order[i]] = 1;
    if (stats(shuffled).statistic >= observed.statistic) atLeast++;
  }
  return { ...observed, pValue: (atLeast + 1) / (permutations + 1), permutations };
}
