import { gmdbOrThrow } from './gmdb-command';

let built: Promise<number> | undefined;

/**
 * Compiles the TypeScript to dist/ once per process (`gmdb config` builds when a source is newer
 * than the last build); every app is then started with GMDB_SKIP_BUILD=1. Resolves with the ms spent.
 */
export function buildOnce(): Promise<number> {
  built ??= (async () => {
    const started = Date.now();
    await gmdbOrThrow(['config', 'gateway'], {}, { build: true, timeoutMs: 600_000 });
    return Date.now() - started;
  })();
  return built;
}
