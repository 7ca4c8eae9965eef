export interface LatencyStats {
  requests: number;
  p50: number;
  p99: number;
  mean: number;
  perSecond: number;
}

/** Nearest-rank percentile of sorted samples (ms). */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/** p50, p99 and mean of the latencies (ms), and the throughput over the wall time they took. */
export function latencyStats(samples: number[], wallMs: number): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, x) => sum + x, 0) / Math.max(1, sorted.length);
  return {
    requests: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean,
    perSecond: (sorted.length * 1000) / wallMs,
  };
}
