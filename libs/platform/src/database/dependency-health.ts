/** The answer of one readiness check (database, Redis, object storage). Never throws. */
export interface DependencyHealth {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

/** Runs `probe` with a deadline and reports how it went. */
export async function probeDependency(probe: () => Promise<unknown>, timeoutMs: number): Promise<DependencyHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
  });
  try {
    await Promise.race([probe(), deadline]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (e) {
    return {
      status: 'down',
      latencyMs: Math.round(performance.now() - started),
      error: e instanceof Error ? e.message : String(e),
    };
  } finally {
    clearTimeout(timer);
  }
}
