import { DEV_JWT_SECRET, type Env, type RunningService, createLogger, createTransport, loadConfig } from '@gmdb/platform';
import {
  TEST_MYSQL_URL,
  clearRedisPrefix,
  dropMysqlDatabase,
  testDatabaseName,
  testQueuePrefix,
  testRedisUrl,
  testS3Options,
} from '@gmdb/platform/testing';
import { buildProgram } from './main';
import { migrateService } from './commands/migrate.command';
import { SERVICES, SERVICES_WITH_DATABASE, SUBGRAPH_NAMES } from './service-registry';

/** Runs one `gmdb` command line in-process and returns what it printed. */
async function gmdb(env: Env, ...args: string[]): Promise<string> {
  const printed: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  try {
    await buildProgram(env).parseAsync(['node', 'gmdb', ...args]);
  } finally {
    spy.mockRestore();
  }
  return printed.join('');
}

async function me(gatewayUrl: string, headers: Record<string, string>) {
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ me { kind institutionId } }' }),
  });
  return (await response.json()) as { data?: { me: unknown } | null; errors?: { extensions: { code: string } }[] };
}

describe('distributed mode: MariaDB per service, BullMQ, S3, `gmdb migrate` and `gmdb apikey`', () => {
  const databases = { case: testDatabaseName(), consent: testDatabaseName(), doi: testDatabaseName(), worker: testDatabaseName() };
  const prefix = testQueuePrefix();
  const s3 = testS3Options();
  const env: Env = {
    GMDB_MODE: 'distributed',
    LOG_LEVEL: 'silent',
    AUTH_JWT_SECRET: DEV_JWT_SECRET,
    REDIS_URL: testRedisUrl(),
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    S3_BUCKET: `gmdb-t-${prefix.slice(-10)}`,
    CASE_DATABASE_URL: `${TEST_MYSQL_URL}/${databases.case}`,
    CONSENT_DATABASE_URL: `${TEST_MYSQL_URL}/${databases.consent}`,
    DOI_DATABASE_URL: `${TEST_MYSQL_URL}/${databases.doi}`,
    WORKER_DATABASE_URL: `${TEST_MYSQL_URL}/${databases.worker}`,
    GATEWAY_PORT: '0',
    CASE_PORT: '0',
    CONSENT_PORT: '0',
    DOI_PORT: '0',
    WORKER_PORT: '0',
    WORKER_MODEL_PRESET: 'test',
    GATEWAY_RATE_LIMIT: '30',
    GATEWAY_MAX_DEPTH: '5',
  };
  const transport = createTransport({ driver: 'bullmq', redisUrl: testRedisUrl(), prefix });
  const running: RunningService[] = [];
  let gatewayUrl = '';

  afterAll(async () => {
    for (const service of running.reverse()) await service.close();
    await transport.close();
    await clearRedisPrefix(prefix);
    for (const name of Object.values(databases)) await dropMysqlDatabase(TEST_MYSQL_URL, name);
  });

  it('refuses to start a service without its database URL, naming the variable', async () => {
    await expect(gmdb({ ...env, CASE_DATABASE_URL: '' }, 'migrate', 'case-service')).rejects.toThrow(
      /CASE_DATABASE_URL: is required when GMDB_MODE=distributed/,
    );
  });

  it('migrates every database once, even when two runs race', async () => {
    const [first, second] = await Promise.all([
      Promise.all(SERVICES_WITH_DATABASE.map((s) => migrateService(s, env))),
      Promise.all(SERVICES_WITH_DATABASE.map((s) => migrateService(s, env))),
    ]);
    const applied = first.map((n, i) => n + (second[i] ?? 0));
    expect(applied).toEqual(SERVICES_WITH_DATABASE.map((s) => s.migrations.length));
    expect(await gmdb(env, 'migrate')).toMatch(/case-service: 0 migrations applied/);
  }, 60_000);

  it('starts the five apps, each on its own database, with BullMQ and S3 ready', async () => {
    const subgraphs: { name: string; url: string }[] = [];
    for (const definition of SERVICES) {
      const config = loadConfig(definition.configSchema, env);
      const logger = createLogger({ name: definition.name, level: 'silent' });
      const service = await definition.start(config, { transport, logger, subgraphs: [...subgraphs] });
      running.push(service);
      const subgraph = SUBGRAPH_NAMES[definition.name];
      if (subgraph) subgraphs.push({ name: subgraph, url: `${service.url}/graphql` });
      if (definition.name === 'gateway') gatewayUrl = service.url;
    }
    for (const service of running) {
      const ready = await fetch(`${service.url}/health/ready`);
      const body = (await ready.json()) as { status: string; checks: Record<string, { status: string }> };
      expect({ service: service.name, status: body.status }).toEqual({ service: service.name, status: 'ok' });
      if (service.name !== 'gateway') expect(body.checks['redis']?.status).toBe('up');
    }
  }, 60_000);

  it('prints an API key once, accepts it through the gateway, and refuses it after revocation', async () => {
    const created = await gmdb(env, 'apikey', 'create', '--institution', 'charite', '--label', 'HIS');
    const key = created.trim().split('\n').pop() ?? '';
    expect(key).toMatch(/^gmdb_ak_/);

    expect((await me(gatewayUrl, { authorization: `ApiKey ${key}` })).data).toEqual({
      me: { kind: 'institution', institutionId: 'charite' },
    });

    const listed = await gmdb(env, 'apikey', 'list', '--institution', 'charite');
    expect(listed).toContain('charite');
    expect(listed).not.toContain(key);
    const id = listed.split(/\s+/)[0] ?? '';
    await gmdb(env, 'apikey', 'revoke', id);

    const refused = await me(gatewayUrl, { authorization: `ApiKey ${key}` });
    expect(refused.errors?.[0]?.extensions.code).toBe('API_KEY_REVOKED');
  }, 30_000);

  it('mints a development token the subgraphs accept', async () => {
    const token = (await gmdb(env, 'token', '--role', 'curator', '--subject', 'cur-1', '--institution', 'uni-bonn')).trim();
    expect((await me(gatewayUrl, { authorization: `Bearer ${token}` })).data).toEqual({
      me: { kind: 'user', institutionId: 'uni-bonn' },
    });
  });

  it('serves the committed supergraph and refuses a query deeper than GATEWAY_MAX_DEPTH before planning', async () => {
    const response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ a: me { kind } ...F } fragment F on Query { b: me { kind } }' }),
    });
    expect(((await response.json()) as { data: unknown }).data).toEqual({ a: { kind: 'anonymous' }, b: { kind: 'anonymous' } });

    const deep = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { types { fields { type { ofType { name } } } } } }' }),
    });
    const body = (await deep.json()) as { errors: { extensions: { code: string } }[] };
    expect(deep.status).toBe(400);
    expect(body.errors[0]?.extensions.code).toBe('QUERY_TOO_DEEP');
  });

  it('answers a bad token at the gateway (401) and rate-limits a caller across the window in Redis', async () => {
    const bad = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.jwt' },
      body: JSON.stringify({ query: '{ me { kind } }' }),
    });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('TOKEN_INVALID');

    const token = (await gmdb(env, 'token', '--role', 'registered', '--subject', `flood-${prefix}`)).trim();
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      const r = await fetch(`${gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { kind } }' }),
      });
      statuses.push(r.status);
      if (r.status === 429) {
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(((await r.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('RATE_LIMITED');
      } else await r.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(30);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(5);
  }, 30_000);
});
