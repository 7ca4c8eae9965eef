import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_JWT_SECRET } from '@gmdb/platform';
import { AppProcess, type ProcessEnv } from './app-process';
import { buildOnce } from './build-once';
import { devToken } from './dev-tokens';
import type { E2eSystem, StopReport } from './e2e-system';
import { gmdbOrThrow } from './gmdb-command';
import { REPOSITORY_ROOT } from './repository-root';

export interface StandaloneSystem extends E2eSystem {
  /** Every URL `gmdb start` printed, by app name. */
  urls: Record<string, string>;
  dataDir: string;
  env: ProcessEnv;
}

const URL_LINE = /^\s{2}([\w-]+)\s+(https?:\/\/\S+)\s*$/;

/**
 * Standalone mode as `npm start` runs it: `gmdb start` in a temp GMDB_DATA_DIR (SQLite files, the
 * local S3 server, in-process jobs), every port 0; the URLs are read from what it prints.
 */
export async function startStandaloneSystem(options: { env?: ProcessEnv; readyTimeoutMs?: number } = {}): Promise<StandaloneSystem> {
  await buildOnce();
  const dataDir = await mkdtemp(join(tmpdir(), 'gmdb-e2e-standalone-'));
  const env: ProcessEnv = {
    GMDB_MODE: 'standalone',
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    GMDB_DATA_DIR: dataDir,
    // `gmdb start` defaults to this secret by itself; `gmdb apikey` (same data dir) needs it set.
    AUTH_JWT_SECRET: DEV_JWT_SECRET,
    GMDB_S3_PORT: '0',
    GATEWAY_PORT: '0',
    CASE_PORT: '0',
    CONSENT_PORT: '0',
    DOI_PORT: '0',
    WORKER_PORT: '0',
    GATEWAY_RATE_LIMIT: '1000000',
    WORKER_MODEL_PRESET: 'test',
    WORKER_MODEL_DIR: join(REPOSITORY_ROOT, 'var/models'),
    ...options.env,
  };
  const started = Date.now();
  const app = AppProcess.start('standalone', ['start'], env);
  try {
    await app.waitForLine(/^Press Ctrl-C to stop\./, options.readyTimeoutMs ?? 120_000);
  } catch (e) {
    await app.stop(5_000);
    await rm(dataDir, { recursive: true, force: true });
    throw e;
  }
  const startupMs = Date.now() - started;
  const urls: Record<string, string> = {};
  for (const line of app.output(3000).split('\n')) {
    const match = line.replace(/^\[standalone\] /, '').match(URL_LINE);
    if (match?.[1] && match[2]) urls[match[1]] = match[2];
  }
  const gateway = (await app.waitForLine(/^GraphQL gateway: (\S+)\/graphql/, 1_000))[1] ?? '';
  const required = (name: string) => {
    const url = urls[name];
    if (!url) throw new Error(`gmdb start printed no URL for ${name}:\n${app.output()}`);
    return url;
  };
  return {
    mode: 'standalone',
    gatewayUrl: gateway,
    caseUrl: required('case-service'),
    consentUrl: required('consent-service'),
    urls,
    dataDir,
    env,
    notes: [],
    startupMs,
    async createApiKey(institutionId: string) {
      const printed = await gmdbOrThrow(['apikey', 'create', '--institution', institutionId], env);
      return printed.trim().split('\n').pop() ?? '';
    },
    token: devToken,
    logs: (lines = 80) => app.output(lines),
    waitForLog: (pattern, timeoutMs) => app.waitForLine(pattern, timeoutMs).then((m) => m.input ?? m[0]),
    async stop(): Promise<StopReport> {
      const t0 = Date.now();
      const exit = await app.stop(40_000);
      await rm(dataDir, { recursive: true, force: true });
      return { exits: { standalone: exit }, failures: exit.code === 0 ? [] : [`gmdb start exited ${JSON.stringify(exit)}:\n${app.output(40)}`], ms: Date.now() - t0 };
    },
  };
}
