import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics, register } from 'prom-client';

/**
 * All metrics live in prom-client's default registry. In standalone mode several apps share
 * one process, so metrics are get-or-create by name instead of constructed twice.
 */
export const metricsRegistry: Registry = register;

let defaultsCollected = false;
export function collectProcessMetrics(): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  collectDefaultMetrics({ register: metricsRegistry, prefix: 'gmdb_' });
}

export function counter(name: string, help: string, labelNames: string[] = []): Counter<string> {
  return (metricsRegistry.getSingleMetric(name) as Counter<string>) ?? new Counter({ name, help, labelNames });
}

export function gauge(name: string, help: string, labelNames: string[] = []): Gauge<string> {
  return (metricsRegistry.getSingleMetric(name) as Gauge<string>) ?? new Gauge({ name, help, labelNames });
}

export function histogram(
  name: string,
  help: string,
  labelNames: string[] = [],
  buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
): Histogram<string> {
  return (
    (metricsRegistry.getSingleMetric(name) as Histogram<string>) ??
    new Histogram({ name, help, labelNames, buckets })
  );
}
