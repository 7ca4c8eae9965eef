export interface WaitOptions {
  /** Gives up after this long (default 30 s). */
  timeoutMs?: number;
  /** Pause between probes (default 100 ms). */
  intervalMs?: number;
  /** Named in the timeout error. */
  what: string;
  /** Extra text for the timeout error (the last probe result, log tails). */
  describe?: () => string;
  /** Checked before each probe: a message stops the wait at once (a process died). */
  giveUp?: () => string | undefined;
}

/** Polls `probe` until it returns a truthy value, which it returns. */
export async function waitFor<T>(probe: () => T | Promise<T>, options: WaitOptions): Promise<NonNullable<T>> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const intervalMs = options.intervalMs ?? 100;
  const end = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const reason = options.giveUp?.();
    if (reason) throw new Error(`gave up waiting for ${options.what}: ${reason}${options.describe ? `\n${options.describe()}` : ''}`);
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > end) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      const extra = options.describe ? `\n${options.describe()}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${options.what}${cause}${extra}`);
    }
    await sleep(intervalMs);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
