import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');

/** Waits until the accumulated output matches, or fails with what was printed. */
function waitForOutput(read: () => string, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((done, fail) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const match = read().match(pattern);
      if (match) {
        clearInterval(poll);
        done(match);
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(poll);
        fail(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${read()}`));
      }
    }, 100);
  });
}

describe('`gmdb start` as a process (what `npm start` runs)', () => {
  let dataDir: string;
  let child: ChildProcessWithoutNullStreams;
  let stdout = '';
  let stderr = '';

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'gmdb-start-'));
    child = spawn(process.execPath, [join(ROOT, 'bin/gmdb.js'), 'start'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        GMDB_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        GMDB_S3_PORT: '0',
        GATEWAY_PORT: '0',
        CASE_PORT: '0',
        CONSENT_PORT: '0',
        DOI_PORT: '0',
        WORKER_PORT: '0',
        WORKER_MODEL_PRESET: 'test',
        WORKER_MODEL_LOAD: 'boot',
        WORKER_MODEL_DIR: join(ROOT, 'var', 'models'),
      },
    });
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  });

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the gateway URL and a token that the gateway accepts, and stops cleanly on Ctrl-C', async () => {
    const [, gatewayUrl] = await waitForOutput(() => stdout, /GraphQL gateway: (\S+)\n/, 240_000);
    const [, token] = await waitForOutput(() => stdout, /Bearer <token>":\n(\S+)\n/, 5_000);

    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { kind roles } caseService { mode } }' }),
    });
    expect(await response.json()).toEqual({
      data: { me: { kind: 'user', roles: ['clinician'] }, caseService: { mode: 'standalone' } },
    });

    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGINT');
    await expect(exited).resolves.toBe(0);
    expect(stderr).toMatch(/SIGINT: stopping/);
    expect(stderr).toMatch(/\bstopped\n/);
  }, 300_000);
});
