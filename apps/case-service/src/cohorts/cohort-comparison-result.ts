/**
 * The result of a cohort comparison, as the inference worker writes it to S3 (a JSON object at
 * the `resultKey` of `cohort-comparison.completed`) and as case-service stores and returns it.
 *
 * - `withinA`, `withinB`, `between`: mean pairwise distance (mean over slots of `1 - cos`)
 *   between the photos of set A, of set B, and across the sets.
 * - `pValue`: one-sided permutation test of `between − (withinA + withinB) / 2` over
 *   `permutations` random relabellings (with the +1 correction).
 * - `sizes`: photos compared per set; `missing`: photo ids without an embedding of `modelVersion`.
 * - `generatedWeights`: the encoders had generated (untrained) weights; the numbers then mean nothing.
 */
export interface CohortComparisonResult {
  withinA: number;
  withinB: number;
  between: number;
  statistic: number;
  pValue: number;
  permutations: number;
  sizes: { a: number; b: number };
  missing: { a: string[]; b: string[] };
  modelVersion: string;
  slots: number;
  generatedWeights: boolean;
}

export const COHORT_GENERATED_WEIGHTS_NOTICE =
  'These distances were computed with generated (untrained) encoder weights: they mean nothing and must not be used for research conclusions.';

const MAX_MISSING = 10_000;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(o: Json, key: string): number {
  const v = o[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw new Error(`${key} must be a finite number`);
}

function text(o: Json, key: string): string {
  const v = o[key];
  if (typeof v === 'string' && v.length > 0 && v.length <= 500) return v;
  throw new Error(`${key} must be a non-empty string`);
}

function pair<T>(o: Json, key: string, item: (p: Json, side: 'a' | 'b') => T): { a: T; b: T } {
  const v = o[key];
  if (!isObject(v)) throw new Error(`${key} must be an object { a, b }`);
  return { a: item(v, 'a'), b: item(v, 'b') };
}

function ids(o: Json, key: string): string[] {
  const v = o[key] ?? [];
  if (!Array.isArray(v) || v.length > MAX_MISSING || !v.every((e) => typeof e === 'string')) throw new Error(`${key} must be a list of ids`);
  return v as string[];
}

/** Reads the worker's result JSON; throws (with a reason) when it does not have this shape. Unknown fields are dropped. */
export function parseCohortComparisonResult(raw: string): CohortComparisonResult {
  const o: unknown = JSON.parse(raw);
  if (!isObject(o)) throw new Error('the result must be a JSON object');
  const pValue = num(o, 'pValue');
  if (pValue < 0 || pValue > 1) throw new Error('pValue must be in [0, 1]');
  return {
    withinA: num(o, 'withinA'),
    withinB: num(o, 'withinB'),
    between: num(o, 'between'),
    statistic: num(o, 'statistic'),
    pValue,
    permutations: num(o, 'permutations'),
    sizes: pair(o, 'sizes', num),
    missing: pair(o, 'missing', ids),
    modelVersion: text(o, 'modelVersion'),
    slots: num(o, 'slots'),
    generatedWeights: o['generatedWeights'] === true,
  };
}
