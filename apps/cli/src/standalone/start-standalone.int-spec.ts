import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { developmentTokenFor } from '../commands/token.command';
import { startStandalone, type StandaloneSystem } from './start-standalone';

const FEDERATED_QUERY = '{ me { kind subject roles } caseService { name mode } consentService { name } doiService { name } }';

async function graphql(url: string, query: string, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] } };
}

describe('standalone mode (gmdb start)', () => {
  let dataDir: string;
  let system: StandaloneSystem;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gmdb-standalone-'));
    system = await startStandalone({
      GMDB_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      GMDB_S3_PORT: '0',
      GATEWAY_PORT: '0',
      CASE_PORT: '0',
      CONSENT_PORT: '0',
      DOI_PORT: '0',
      WORKER_PORT: '0',
      WORKER_MODEL_PRESET: 'test',
      WORKER_MODEL_LOAD: 'boot',
      WORKER_MODEL_DIR: join(__dirname, '..', '..', '..', '..', 'var', 'models'),
    });
  }, 60_000);

  afterAll(async () => {
    await system?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a federated query across the three subgraphs with the caller forwarded', async () => {
    const token = await developmentTokenFor(system.env, { subject: 'dr-who', roles: ['clinician'] });
    const { status, body } = await graphql(system.gatewayUrl, FEDERATED_QUERY, token);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      me: { kind: 'user', subject: 'dr-who', roles: ['clinician'] },
      caseService: { name: 'case-service', mode: 'standalone' },
      consentService: { name: 'consent-service' },
      doiService: { name: 'doi-service' },
    });
  });

  it('treats a request without a token as anonymous and rejects a forged one', async () => {
    const anonymous = await graphql(system.gatewayUrl, '{ me { kind } }');
    expect(anonymous.body.data).toEqual({ me: { kind: 'anonymous' } });

    const forged = await graphql(system.gatewayUrl, '{ me { kind } }', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
    expect(forged.body.data ?? null).toBeNull();
    expect(JSON.stringify(forged.body.errors)).toMatch(/"code":"TOKEN_INVALID"/);
  });

  it('serves health and metrics on every app, ready with SQLite, the in-process queue and S3', async () => {
    const apps = system.services.filter((s) => s.url.startsWith('http://127.0.0.1') && s.name !== 'local-s3');
    expect(apps.map((s) => s.name).sort()).toEqual(
      ['case-service', 'consent-service', 'doi-service', 'gateway', 'inference-worker'].sort(),
    );
    for (const app of apps) {
      expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
      const ready = await fetch(`${app.url}/health/ready`);
      expect({ app: app.name, status: ready.status }).toEqual({ app: app.name, status: 200 });
      const metrics = await (await fetch(`${app.url}/metrics`)).text();
      expect(metrics).toContain('process_cpu');
    }
  });
});
