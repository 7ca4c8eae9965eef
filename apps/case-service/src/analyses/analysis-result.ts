/**
 * The result of an analysis, as the inference worker writes it to S3 (a JSON object at the
 * `resultKey` of `analysis.completed`) and as case-service stores and returns it.
 *
 * - `disorders`, `genes`, `patients`: ranked ascending by distance (a disorder's, gene's or
 *   patient's distance is that of its nearest gallery image); `distance` is the mean over slots
 *   of the cosine distance `1 - cos`; `gestaltScore` is the worker's similarity score (higher is
 *   more similar); `rank` starts at 1.
 * - `patients` name gallery cases; when read, each is shown only if the access policy allows
 *   the reader DataKind.AnalysisNearestCase for that case (never a private case to others).
 * - `generatedWeights`: the encoders had generated (seeded, untrained) weights; the ranking then
 *   means nothing, and the API says so in `notice`.
 */
export interface RankedDisorder {
  rank: number;
  disorderId: string;
  name?: string;
  distance: number;
  gestaltScore: number;
}

export interface RankedGene {
  rank: number;
  symbol: string;
  hgncId?: string;
  distance: number;
  gestaltScore: number;
}

export interface RankedPatient {
  rank: number;
  caseId: string;
  imageId: string;
  distance: number;
  gestaltScore: number;
}

export interface AnalysisResult {
  modelVersion: string;
  slots: number;
  generatedWeights: boolean;
  disorders: RankedDisorder[];
  genes: RankedGene[];
  patients: RankedPatient[];
}

export const GENERATED_WEIGHTS_NOTICE =
  'This ranking was computed with generated (untrained) encoder weights: it means nothing and must not be used for diagnosis.';

const MAX_ITEMS = 1000;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(o: Json, key: string, required: true): string;
function text(o: Json, key: string, required: false): string | undefined;
function text(o: Json, key: string, required: boolean): string | undefined {
  const v = o[key];
  if (typeof v === 'string' && v.length > 0 && v.length <= 500) return v;
  if (v === undefined && !required) return undefined;
  throw new Error(`${key} must be a non-empty string`);
}

function num(o: Json, key: string): number {
  const v = o[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw new Error(`${key} must be a finite number`);
}

function list<T>(o: Json, key: string, item: (e: Json) => T): T[] {
  const v = o[key] ?? [];
  if (!Array.isArray(v) || v.length > MAX_ITEMS) throw new Error(`${key} must be a list of at most ${MAX_ITEMS}`);
  return v.map((e, i) => {
    if (!isObject(e)) throw new Error(`${key}[${i}] must be an object`);
    return item(e);
  });
}

const scored = (e: Json) => ({ rank: num(e, 'rank'), distance: num(e, 'distance'), gestaltScore: num(e, 'gestaltScore') });

/** Reads the worker's result JSON; throws (with a reason) when it does not have this shape. Unknown fields are dropped. */
export function parseAnalysisResult(raw: string): AnalysisResult {
  const o: unknown = JSON.parse(raw);
  if (!isObject(o)) throw new Error('the result must be a JSON object');
  return {
    modelVersion: text(o, 'modelVersion', true),
    slots: num(o, 'slots'),
    generatedWeights: o['generatedWeights'] === true,
    disorders: list(o, 'disorders', (e) => {
      const name = text(e, 'name', false);
      return { ...scored(e), disorderId: text(e, 'disorderId', true), ...(name ? { name } : {}) };
    }),
    genes: list(o, 'genes', (e) => {
      const hgncId = text(e, 'hgncId', false);
      return { ...scored(e), symbol: text(e, 'symbol', true), ...(hgncId ? { hgncId } : {}) };
    }),
    patients: list(o, 'patients', (e) => ({ ...scored(e), caseId: text(e, 'caseId', true), imageId: text(e, 'imageId', true) })),
  };
}
