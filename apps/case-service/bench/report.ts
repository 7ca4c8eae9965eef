/** Latency statistics and the printed table of the case-service benchmark. */

/** One timed HTTP request (or a push: the case POST and the photo POST together). */
export interface Sample {
  /** HTTP status; 0 when the request failed before an answer (connection error). */
  status: number;
  /** Milliseconds. */
  ms: number;
}

export interface Summary {
  requests: number;
  errors: number;
  /** Error count by status ("0" = no answer). */
  errorsByStatus: Record<string, number>;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of sorted values (p in 0..100); NaN for no values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/** A request counts as an error when its status is not 2xx. Latency percentiles cover every sample. */
export function summarize(samples: readonly Sample[]): Summary {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const errorsByStatus: Record<string, number> = {};
  let errors = 0;
  for (const s of samples) {
    if (s.status >= 200 && s.status < 300) continue;
    errors++;
    const key = String(s.status);
    errorsByStatus[key] = (errorsByStatus[key] ?? 0) + 1;
  }
  return {
    requests: samples.length,
    errors,
    errorsByStatus,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export function fmt(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
}

function errorText(s: Summary): string {
  if (s.errors === 0) return '0';
  const parts = Object.entries(s.errorsByStatus).map(([status, n]) => `${status === '0' ? 'no answer' : status}: ${n}`);
  return `${s.errors} (${parts.join(', ')})`;
}

/** A plain-text table: one row per measured operation. */
export function table(rows: readonly { name: string; summary: Summary }[]): string {
  const header = ['', 'requests', 'errors', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'];
  const body = rows.map(({ name, summary: s }) => [name, String(s.requests), errorText(s), fmt(s.p50), fmt(s.p90), fmt(s.p99), fmt(s.max)]);
  const all = [header, ...body];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

/** Mean server-side duration per route from the Prometheus text of `GET /metrics`. */
export function serverMeans(metricsText: string, metric: string): { route: string; status: string; count: number; meanMs: number }[] {
  const sums = new Map<string, number>();
  const counts = new Map<string, number>();
  const pattern = new RegExp(`^${metric}_(sum|count)\\{([^}]*)\\}\\s+([0-9.eE+-]+)$`);
  for (const line of metricsText.split('\n')) {
    const m = pattern.exec(line.trim());
    if (!m) continue;
    const [, kind, labels = '', value = '0'] = m;
    if (!labels.includes('method="POST"')) continue;
    (kind === 'sum' ? sums : counts).set(labels, Number(value));
  }
  const out: { route: string; status: string; count: number; meanMs: number }[] = [];
  for (const [labels, count] of counts) {
    const route = /route="([^"]*)"/.exec(labels)?.[1] ?? '?';
    const status = /status_code="([^"]*)"/.exec(labels)?.[1] ?? '?';
    if (count > 0) out.push({ route, status, count, meanMs: ((sums.get(labels) ?? 0) / count) * 1000 });
  }
  return out.sort((a, b) => a.route.localeCompare(b.route) || a.status.localeCompare(b.status));
}
