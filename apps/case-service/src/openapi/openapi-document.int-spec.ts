import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CaseServiceHarness, startCaseServiceHarness } from '../images/testing/case-service.harness';

const COMMITTED = resolve(__dirname, '../../openapi.json');

/** The committed document, as the app serves it (stable key order, trailing newline). */
export function formatOpenApi(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * apps/case-service/openapi.json is generated from the controllers. This test fails when it is
 * stale; `UPDATE_OPENAPI=1 npx jest --selectProjects integration --testPathPatterns openapi-document` rewrites it.
 */
describe('OpenAPI document of case-service', () => {
  let h: CaseServiceHarness;

  beforeAll(async () => {
    h = await startCaseServiceHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('is served at /api/docs-json and matches the committed apps/case-service/openapi.json', async () => {
    const response = await fetch(`${h.url}/api/docs-json`);
    expect(response.status).toBe(200);
    const served = formatOpenApi(await response.json());
    const committed = (() => {
      try {
        return readFileSync(COMMITTED, 'utf8');
      } catch {
        return '';
      }
    })();
    if (served !== committed && process.env.UPDATE_OPENAPI === '1') {
      writeFileSync(COMMITTED, served);
      return;
    }
    expect(served).toBe(committed);
  });

  it('is an OpenAPI 3 document covering the case routes', async () => {
    const document = (await (await fetch(`${h.url}/api/docs-json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/cases', '/api/v1/cases/{id}', '/api/v1/public/statistics', '/api/v1/public/cases/{id}/landing']),
    );
  });

  it('serves Swagger UI at /api/docs with its assets from this server, without login', async () => {
    const page = await fetch(`${h.url}/api/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('swagger-ui');
    const assets = [...html.matchAll(/(?:href|src)="\.?\/?([^"]+\.(?:css|js))"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset).not.toMatch(/^https?:/);
      const url = asset.startsWith('api/docs') || asset.startsWith('/') ? `${h.url}/${asset.replace(/^\//, '')}` : `${h.url}/api/docs/${asset}`;
      const res = await fetch(url);
      await res.arrayBuffer();
      expect({ asset, status: res.status }).toEqual({ asset, status: 200 });
    }
  });
});
