/**
 * Runs `count` calls of `request`, `concurrency` at a time (each worker starts its next call when
 * its last one answered), and returns each call's latency (ms) and the wall time.
 */
export async function runAtConcurrency(
  request: () => Promise<void>,
  count: number,
  concurrency: number,
): Promise<{ latencies: number[]; wallMs: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      next++;
      const t0 = performance.now();
      await request();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, wallMs: performance.now() - started };
}
