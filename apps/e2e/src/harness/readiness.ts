import type { AppProcess } from './app-process';
import { waitFor } from './wait-for';

/** Waits until `url`/health/ready answers 200, failing early (with its log) when the process exits. */
export async function waitReady(app: AppProcess, url: string, timeoutMs: number): Promise<void> {
  await waitFor(
    async () => {
      const r = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      await r.arrayBuffer();
      return r.status === 200;
    },
    {
      what: `${app.name} ready at ${url}/health/ready`,
      timeoutMs,
      intervalMs: 200,
      describe: () => app.output(40),
      giveUp: () => (app.running ? undefined : `${app.name} exited before it was ready`),
    },
  );
}
