// `npm run bench:gateway`: the same gallery query through the gateway and directly on the case
// subgraph, at a fixed concurrency, against distributed mode (each app its own process).
// Needs MariaDB and Redis as the tests do (GMDB_TEST_MYSQL_URL / GMDB_TEST_REDIS_URL); starts its
// own local S3 server. Knobs: BENCH_CASES (50), BENCH_REQUESTS (1000 per target and concurrency),
// BENCH_CONCURRENCY (8,1: the target ratio is read at the first; 1 shows the added latency without
// CPU contention between the gateway and the subgraph on a small machine).
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Role } from '@gmdb/domain';
import { caseInputJson } from '@gmdb/domain/testing';
import { startLocalS3Server } from '@gmdb/platform';
import { TEST_MYSQL_URL, TEST_REDIS_URL } from '@gmdb/platform/testing';
import { type DistributedSystem, startDistributedSystem } from '../harness/distributed-system';
import { http } from '../harness/http-client';
import { runAtConcurrency } from './fixed-concurrency';
import { type LatencyStats, latencyStats } from './latency-stats';

const CASES = Number(process.env.BENCH_CASES ?? 50);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '8,1').split(',').map(Number);
const TARGET_RATIO = 1.25;
const QUERY = `query Gallery($first: Int) { gallery(first: $first) { edges { node { id sex accessLevel
  diagnoses { disorderId label } genes { symbol } } } pageInfo { hasNextPage endCursor } } }`;

async function seed(system: DistributedSystem): Promise<void> {
  const apiKey = await system.createApiKey('bench-his');
  for (let i = 0; i < CASES; i++) {
    const r = await http('POST', `${system.caseUrl}/api/v1/cases`, {
      caller: { apiKey },
      body: caseInputJson({ externalId: `bench-${i}-${randomUUID()}`, accessLevel: 'fair' }),
      headers: { 'idempotency-key': randomUUID() },
    });
    if (r.status !== 201) throw new Error(`seeding case ${i}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  }
}

function galleryCall(url: string, token: string, expectEdges: number): () => Promise<void> {
  const body = JSON.stringify({ query: QUERY, variables: { first: 20 } });
  return async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    const answer = (await response.json()) as { data?: { gallery: { edges: unknown[] } }; errors?: unknown };
    if (response.status !== 200 || answer.data?.gallery.edges.length !== expectEdges) {
      throw new Error(`${url}: HTTP ${response.status} ${JSON.stringify(answer).slice(0, 300)}`);
    }
  };
}

function row(name: string, concurrency: number, s: LatencyStats): string {
  const f = (x: number) => x.toFixed(2).padStart(8);
  return `| ${name.padEnd(22)} | ${String(s.requests).padStart(5)} | ${concurrency} | ${f(s.p50)} | ${f(s.p99)} | ${f(s.mean)} | ${s.perSecond.toFixed(0).padStart(6)} |`;
}

type Targets = Record<string, () => Promise<void>>;

/** Both targets at one concurrency: two interleaved halves each, so that a drift in load hits both alike. */
async function measure(targets: Targets, concurrency: number): Promise<Record<string, LatencyStats>> {
  const samples: Record<string, { latencies: number[]; wallMs: number }> = {};
  for (let round = 0; round < 2; round++) {
    for (const [name, call] of Object.entries(targets)) {
      const r = await runAtConcurrency(call, Math.ceil(REQUESTS / 2), concurrency);
      const s = (samples[name] ??= { latencies: [], wallMs: 0 });
      s.latencies.push(...r.latencies);
      s.wallMs += r.wallMs;
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([n, s]) => [n, latencyStats(s.latencies, s.wallMs)]));
}

const fmt = (load: number[]) => load.map((x) => x.toFixed(2)).join(' ');

async function main(): Promise<void> {
  const loadAtStart = loadavg();
  const s3Dir = await mkdtemp(join(tmpdir(), 'gmdb-bench-s3-'));
  const s3 = await startLocalS3Server({ directory: s3Dir, port: 0 });
  let system: DistributedSystem | undefined;
  try {
    process.stderr.write('bench:gateway: building, migrating and starting distributed mode...\n');
    // The worker plays no part in a gallery query: it is left out to keep the machine quiet.
    system = await startDistributedSystem({
      mysqlUrl: TEST_MYSQL_URL,
      redisUrl: TEST_REDIS_URL,
      s3,
      without: ['inference-worker'],
      env: { LOG_LEVEL: 'warn' },
    });
    process.stderr.write(`bench:gateway: seeding ${CASES} FAIR cases...\n`);
    await seed(system);
    const token = await system.token('bench-clinician', [Role.Clinician]);
    const expected = Math.min(20, CASES);
    const targets: Targets = {
      'gateway (supergraph)': galleryCall(system.gatewayUrl, token, expected),
      'case subgraph (direct)': galleryCall(system.caseUrl, token, expected),
    };
    for (const call of Object.values(targets)) await runAtConcurrency(call, 200, CONCURRENCIES[0] ?? 8); // warm-up
    const loadBefore = loadavg();
    const results: { concurrency: number; stats: Record<string, LatencyStats> }[] = [];
    for (const concurrency of CONCURRENCIES) results.push({ concurrency, stats: await measure(targets, concurrency) });
    const loadAfter = loadavg();
    const lines = [
      '',
      `Gallery query (first: 20 of ${CASES} FAIR cases), ${REQUESTS} requests per target and concurrency, distributed mode (one process per app):`,
      '| target | requests | concurrency | p50 ms | p99 ms | mean ms | req/s |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...results.flatMap((r) => Object.entries(r.stats).map(([name, s]) => row(name, r.concurrency, s))),
      '',
      ...results.map((r) => {
        const gateway = r.stats['gateway (supergraph)'];
        const direct = r.stats['case subgraph (direct)'];
        if (!gateway || !direct) return '';
        const ratio = gateway.p50 / direct.p50;
        const verdict = r === results[0] ? ` (target <= ${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})` : '';
        return `concurrency ${r.concurrency}: gateway/direct at p50 ${ratio.toFixed(3)}${verdict}, at p99 ${(gateway.p99 / direct.p99).toFixed(3)}`;
      }),
      `load average (1/5/15 min) before the system started: ${fmt(loadAtStart)}; before measuring: ${fmt(loadBefore)}; after: ${fmt(loadAfter)} (${cpus().length} cores)`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
  } finally {
    if (system) {
      const report = await system.stop();
      if (report.failures.length > 0) process.stderr.write(`bench:gateway: unclean stop:\n${report.failures.join('\n')}\n`);
    }
    await s3.close();
    await rm(s3Dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:gateway failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
