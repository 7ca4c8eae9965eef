import { compareIds } from '../common/compare-ids';
import { GalleryIndex } from '../gallery/gallery.index';
import { JsSearcher } from '../gallery/js.searcher';
import { EMBEDDING_SIZE } from '../generate/iresnet.arch';
import {
  AGE_BANDS,
  EvaluationReport,
  GroupMetrics,
  ImageDemographics,
  LabeledImage,
  TOP_K,
  TestImageRank,
  TopKAccuracy,
  ageBand,
} from './evaluation.types';

export interface EvaluationInput {
  gallery: readonly LabeledImage[];
  test: readonly LabeledImage[];
  /** Raw slot-major embeddings by image id. */
  encodings: ReadonlyMap<string, Float32Array>;
  slots: number;
  dim?: number;
  metadata?: ReadonlyMap<string, ImageDemographics>;
  /** Ignore gallery images of the test image's own subject (default false: the sets are disjoint in the protocol). */
  excludeSameSubject?: boolean;
  /** Called after each test image (for a progress line on stderr). */
  onProgress?: (done: number, total: number) => void;
}

export interface EvaluationResult {
  report: EvaluationReport;
  ranks: TestImageRank[];
  /** Image ids of the inputs that had no encoding (left out). */
  missingEncodings: string[];
}

/**
 * Top-1/5/10/30 accuracy of disorder ranking (disorder distance = its nearest gallery image,
 * order = first occurrence in the image ranking with ties on image id), overall and by sex,
 * ancestry and age band; macro = mean over disorders, micro = mean over images.
 */
export async function evaluateTopK(input: EvaluationInput): Promise<EvaluationResult> {
  const missing: string[] = [];
  const index = new GalleryIndex(input.slots, input.dim ?? EMBEDDING_SIZE);
  for (const g of input.gallery) {
    const e = input.encodings.get(g.imageId);
    if (!e) missing.push(g.imageId);
    else index.upsert({ imageId: g.imageId, caseId: g.subject, disorderIds: [g.label], geneIds: [], accessLevel: 'fair' }, e);
  }
  const searcher = new JsSearcher();
  const ranks: TestImageRank[] = [];
  for (const [n, t] of input.test.entries()) {
    const e = input.encodings.get(t.imageId);
    if (!e) {
      missing.push(t.imageId);
      continue;
    }
    const distances = await searcher.distances(index, e);
    ranks.push({ imageId: t.imageId, label: t.label, rank: labelRank(index, distances, t, input.excludeSameSubject ?? false) });
    input.onProgress?.(n + 1, input.test.length);
  }
  return { report: buildReport(ranks, input.metadata ?? new Map()), ranks, missingEncodings: missing };
}

/** 1-based position of `test.label` among the gallery's disorders ranked by nearest image. */
function labelRank(index: GalleryIndex, distances: Float32Array, test: LabeledImage, excludeSameSubject: boolean): number {
  const best = new Int32Array(index.disorders.size).fill(-1);
  const before = (a: number, b: number) => distances[a] < distances[b] || (distances[a] === distances[b] && compareIds(index.rowAt(a).meta.imageId, index.rowAt(b).meta.imageId) < 0);
  for (let row = 0; row < distances.length; row++) {
    const entry = index.rowAt(row);
    if (excludeSameSubject && entry.meta.caseId === test.subject) continue;
    const x = entry.disorders[0];
    if (best[x] < 0 || before(row, best[x])) best[x] = row;
  }
  const labels = index.disorders.labels;
  const own = labels.indexOf(test.label);
  if (own < 0 || best[own] < 0) return Infinity;
  let rank = 1;
  best.forEach((row, x) => {
    if (x !== own && row >= 0 && (before(row, best[own]) || (row === best[own] && compareIds(labels[x], test.label) < 0))) rank++;
  });
  return rank;
}

export function buildReport(ranks: readonly TestImageRank[], metadata: ReadonlyMap<string, ImageDemographics>): EvaluationReport {
  const groupBy = (key: (r: TestImageRank) => string | undefined) => {
    const groups: Record<string, TestImageRank[]> = {};
    for (const r of ranks) {
      const k = key(r);
      if (k !== undefined && k !== '') (groups[k] ??= []).push(r);
    }
    return groups;
  };
  const metricsOf = (groups: Record<string, TestImageRank[]>) => Object.fromEntries(Object.entries(groups).sort(([a], [b]) => compareIds(a, b)).map(([k, v]) => [k, groupMetrics(v)]));
  const byAncestry = metricsOf(groupBy((r) => metadata.get(r.imageId)?.ancestry));
  const ages = groupBy((r) => {
    const age = metadata.get(r.imageId)?.ageYears;
    return age === undefined ? undefined : ageBand(age);
  });
  const byAge: EvaluationReport['byAge'] = {};
  for (const band of AGE_BANDS) if (ages[band]) byAge[band] = groupMetrics(ages[band]);
  const ancestryGroups = Object.values(byAncestry);
  return {
    overall: groupMetrics(ranks),
    bySex: metricsOf(groupBy((r) => metadata.get(r.imageId)?.sex)),
    byAncestry,
    byAge,
    ancestryAveraged: {
      macro: meanAccuracy(ancestryGroups.map((g) => g.macro)),
      micro: meanAccuracy(ancestryGroups.map((g) => g.micro)),
    },
  };
}

export function groupMetrics(ranks: readonly TestImageRank[]): GroupMetrics {
  const byLabel = new Map<string, TestImageRank[]>();
  for (const r of ranks) {
    const list = byLabel.get(r.label);
    if (list) list.push(r);
    else byLabel.set(r.label, [r]);
  }
  return {
    macro: meanAccuracy([...byLabel.values()].map(accuracy)),
    micro: accuracy(ranks),
    images: ranks.length,
    disorders: byLabel.size,
  };
}

function accuracy(ranks: readonly TestImageRank[]): TopKAccuracy {
  const at = (k: number) => (ranks.length === 0 ? 0 : ranks.filter((r) => r.rank <= k).length / ranks.length);
  const [top1, top5, top10, top30] = TOP_K.map(at);
  return { top1, top5, top10, top30 };
}

function meanAccuracy(list: readonly TopKAccuracy[]): TopKAccuracy {
  const mean = (f: (t: TopKAccuracy) => number) => (list.length === 0 ? 0 : list.reduce((s, t) => s + f(t), 0) / list.length);
  return { top1: mean((t) => t.top1), top5: mean((t) => t.top5), top10: mean((t) => t.top10), top30: mean((t) => t.top30) };
}
