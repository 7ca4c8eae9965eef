import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_JWT_SECRET } from '@gmdb/platform';
import { dropMysqlDatabase, testDatabaseName } from '@gmdb/platform/testing';
import { AppProcess, type ProcessEnv } from './app-process';
import { buildOnce } from './build-once';
import { devToken } from './dev-tokens';
import type { E2eSystem, StopReport } from './e2e-system';
import { freePorts } from './free-port';
import { gmdbOrThrow } from './gmdb-command';
import { waitReady } from './readiness';
import { claimRedisDatabase } from './redis-database';
import { REPOSITORY_ROOT } from './repository-root';
import { writeCurrentSupergraph } from './supergraph-file';

const APPS = ['case-service', 'consent-service', 'doi-service', 'inference-worker', 'gateway'] as const;
export type AppName = (typeof APPS)[number];

export interface S3Endpoint {
  endpoint: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

export interface DistributedOptions {
  mysqlUrl: string;
  redisUrl: string;
  s3: S3Endpoint;
  /** Added to (and overriding) every app's environment. */
  env?: ProcessEnv;
  readyTimeoutMs?: number;
  /** Apps not to start (only while one cannot start; journeys needing it are then left out). */
  without?: AppName[];
}

export interface DistributedSystem extends E2eSystem {
  workerUrl: string;
  /** The environment every app got (for `gmdb` commands against the same databases). */
  env: ProcessEnv;
  /** Whether the committed supergraph equals the code's composition. */
  committedSupergraphIsCurrent: boolean;
  timings: { buildMs: number; migrateMs: number };
  /** Process id of each running app (benchmarks read their CPU time from /proc). */
  pids: Partial<Record<AppName, number>>;
}


/**
 * Distributed mode as production runs it: fresh MariaDB databases per service, a Redis logical
 * database of its own, `gmdb migrate`, then `gmdb serve <app>` for each app as its own process
 * on free ports, all ready. stop() sends SIGTERM and reports each exit, then drops everything.
 */
export async function startDistributedSystem(options: DistributedOptions): Promise<DistributedSystem> {
  const buildMs = await buildOnce();
  const directory = await mkdtemp(join(tmpdir(), 'gmdb-e2e-'));
  const supergraph = writeCurrentSupergraph(directory);
  const databases = { case: testDatabaseName(), consent: testDatabaseName(), doi: testDatabaseName(), worker: testDatabaseName() };
  const redis = await claimRedisDatabase(options.redisUrl);
  const [gatewayPort, casePort, consentPort, doiPort, workerPort] = await freePorts(5);
  const url = (port: number | undefined) => `http://127.0.0.1:${port}`;
  const mysql = options.mysqlUrl.replace(/\/+$/, '');
  const env: ProcessEnv = {
    GMDB_MODE: 'distributed',
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    AUTH_JWT_SECRET: DEV_JWT_SECRET,
    REDIS_URL: redis.url,
    S3_ENDPOINT: options.s3.endpoint,
    S3_REGION: options.s3.region ?? 'us-east-1',
    S3_ACCESS_KEY_ID: options.s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: options.s3.secretAccessKey,
    S3_BUCKET: `gmdb-e2e-${randomBytes(4).toString('hex')}`,
    CASE_DATABASE_URL: `${mysql}/${databases.case}`,
    CONSENT_DATABASE_URL: `${mysql}/${databases.consent}`,
    DOI_DATABASE_URL: `${mysql}/${databases.doi}`,
    WORKER_DATABASE_URL: `${mysql}/${databases.worker}`,
    GATEWAY_PORT: String(gatewayPort),
    CASE_PORT: String(casePort),
    CONSENT_PORT: String(consentPort),
    DOI_PORT: String(doiPort),
    WORKER_PORT: String(workerPort),
    GATEWAY_CASE_URL: `${url(casePort)}/graphql`,
    GATEWAY_CONSENT_URL: `${url(consentPort)}/graphql`,
    GATEWAY_DOI_URL: `${url(doiPort)}/graphql`,
    GATEWAY_SUPERGRAPH_FILE: supergraph.path,
    GATEWAY_RATE_LIMIT: '1000000',
    WORKER_MODEL_PRESET: 'test',
    WORKER_MODEL_DIR: join(REPOSITORY_ROOT, 'var/models'),
    ...options.env,
  };
  const urls: Record<AppName, string> = {
    'case-service': url(casePort),
    'consent-service': url(consentPort),
    'doi-service': url(doiPort),
    'inference-worker': url(workerPort),
    gateway: url(gatewayPort),
  };
  const apps: AppProcess[] = [];
  const cleanUp = async () => {
    for (const name of Object.values(databases)) await dropMysqlDatabase(mysql, name).catch(() => undefined);
    await redis.release().catch(() => undefined);
    await rm(directory, { recursive: true, force: true });
  };

  let migrateMs = 0;
  let startupMs = 0;
  try {
    const migrateStarted = Date.now();
    await gmdbOrThrow(['migrate'], env, { timeoutMs: 120_000 });
    migrateMs = Date.now() - migrateStarted;
    const started = Date.now();
    for (const name of APPS.filter((a) => !options.without?.includes(a))) apps.push(AppProcess.start(name, ['serve', name], env));
    await Promise.all(apps.map((app) => waitReady(app, urls[app.name as AppName], options.readyTimeoutMs ?? 120_000)));
    startupMs = Date.now() - started;
  } catch (e) {
    await Promise.all(apps.map((app) => app.stop(5_000)));
    await cleanUp();
    throw e;
  }

  const logs = (lines = 40) => apps.map((app) => app.output(lines)).join('\n');
  return {
    mode: 'distributed',
    gatewayUrl: urls.gateway,
    caseUrl: urls['case-service'],
    consentUrl: urls['consent-service'],
    workerUrl: urls['inference-worker'],
    env,
    committedSupergraphIsCurrent: supergraph.committedIsCurrent,
    notes: supergraph.committedIsCurrent
      ? []
      : ['apps/gateway/supergraph.graphql is stale (the gateway served a fresh composition of the code; run `npx gmdb supergraph`)'],
    startupMs,
    timings: { buildMs, migrateMs },
    pids: Object.fromEntries(apps.flatMap((a) => (a.pid === undefined ? [] : [[a.name, a.pid]]))) as Partial<Record<AppName, number>>,
    async createApiKey(institutionId: string) {
      const printed = await gmdbOrThrow(['apikey', 'create', '--institution', institutionId], env);
      return printed.trim().split('\n').pop() ?? '';
    },
    token: devToken,
    logs,
    waitForLog: (pattern, timeoutMs) => Promise.any(apps.map((a) => a.waitForLine(pattern, timeoutMs))).then((m) => m.input ?? m[0]),
    async stop(): Promise<StopReport> {
      const started = Date.now();
      // The gateway first (no new traffic), then the services together.
      const gateway = apps.find((a) => a.name === 'gateway');
      const exits: StopReport['exits'] = {};
      if (gateway) exits[gateway.name] = await gateway.stop();
      const rest = apps.filter((a) => a !== gateway);
      const statuses = await Promise.all(rest.map((a) => a.stop()));
      rest.forEach((a, i) => (exits[a.name] = statuses[i] ?? { code: null, signal: null }));
      const failures = apps.filter((a) => exits[a.name]?.code !== 0).map((a) => `${a.name} exited ${JSON.stringify(exits[a.name])}:\n${a.output(30)}`);
      await cleanUp();
      return { exits, failures, ms: Date.now() - started };
    },
  };
}
