import { AGE_BANDS, type EvaluationReport, type GroupMetrics, type TopKAccuracy } from '@gmdb/ml';

/** `T` of issue 5 item 8: accuracies as fractions in [0, 1]. */
export interface TopKDoc {
  top1: number;
  top5: number;
  top10: number;
  top30: number;
}

/** `M` of issue 5 item 8. */
export interface MetricsDoc {
  macro: TopKDoc;
  micro: TopKDoc;
  images: number;
  disorders: number;
}

/** The one JSON document `gmdb eval` prints. */
export interface EvalDocument {
  overall: MetricsDoc;
  bySex: Record<string, MetricsDoc>;
  byAncestry: Record<string, MetricsDoc>;
  /** Age bands in order; a band without test images is left out. */
  byAge: Record<string, MetricsDoc>;
  ancestryAveraged: { macro: TopKDoc; micro: TopKDoc };
}

const topK = (t: TopKAccuracy): TopKDoc => ({ top1: t.top1, top5: t.top5, top10: t.top10, top30: t.top30 });
const metrics = (m: GroupMetrics): MetricsDoc => ({ macro: topK(m.macro), micro: topK(m.micro), images: m.images, disorders: m.disorders });
const groups = (g: Record<string, GroupMetrics>) => Object.fromEntries(Object.entries(g).map(([k, m]) => [k, metrics(m)]));

/** Maps the engine's report onto exactly the shape (keys, order, nothing more). */
export function toEvalDocument(report: EvaluationReport): EvalDocument {
  const byAge: Record<string, MetricsDoc> = {};
  for (const band of AGE_BANDS) {
    const m = report.byAge[band];
    if (m) byAge[band] = metrics(m);
  }
  return {
    overall: metrics(report.overall),
    bySex: groups(report.bySex),
    byAncestry: groups(report.byAncestry),
    byAge,
    ancestryAveraged: { macro: topK(report.ancestryAveraged.macro), micro: topK(report.ancestryAveraged.micro) },
  };
}
