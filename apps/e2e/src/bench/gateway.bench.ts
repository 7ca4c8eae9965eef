// `npm run bench:gateway`: the same gallery query through the gateway and directly on the case
// subgraph, at a fixed concurrency, against distributed mode (each app its own process).
// Needs MariaDB and Redis as the tests do (GMDB_TEST_MYSQL_URL / GMDB_TEST_REDIS_URL); starts its
// own local S3 server. Knobs: BENCH_CASES (50), BENCH_REQUESTS (1000 per target and concurrency),
// BENCH_CONCURRENCY (8,1: the target ratio is read at the first; 1 shows the added latency without
// CPU contention between the gateway and the subgraph on a small machine), BENCH_APP_NODE_OPTIONS
// (NODE_OPTIONS for every app, e.g. '--require ./apps/e2e/src/bench/cpu-profile.preload.cjs' for a
// CPU profile of one app: see that file), BENCH_CLIENT (http: node:http keep-alive, the default;
// fetch: undici, which costs the shared cores about twice as much per call).
import { readFileSync, readdirSync } from 'node:fs';
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
import { type JsonPoster, fetchPoster, keepAlivePoster } from './keep-alive-client';
import { type LatencyStats, latencyStats } from './latency-stats';

const CASES = Number(process.env.BENCH_CASES ?? 50);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '8,1').split(',').map(Number);
const CLIENT = process.env.BENCH_CLIENT ?? 'http';
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

function galleryCall(post: JsonPoster, url: string, token: string, expectEdges: number): () => Promise<void> {
  const body = JSON.stringify({ query: QUERY, variables: { first: 20 } });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  return async () => {
    const answer = await post(`${url}/graphql`, headers, body);
    const edges = (answer.body as { data?: { gallery?: { edges?: unknown[] } } } | null)?.data?.gallery?.edges;
    if (answer.status !== 200 || edges?.length !== expectEdges) {
      throw new Error(`${url}: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    }
  };
}

function row(name: string, concurrency: number, s: LatencyStats): string {
  const f = (x: number) => x.toFixed(2).padStart(8);
  return `| ${name.padEnd(22)} | ${String(s.requests).padStart(5)} | ${concurrency} | ${f(s.p50)} | ${f(s.p99)} | ${f(s.mean)} | ${s.perSecond.toFixed(0).padStart(6)} |`;
}

type Targets = Record<string, () => Promise<void>>;

const CLOCK_TICKS = 100; // USER_HZ on Linux x86_64

/** CPU time (ms) a process has used so far, from /proc/<pid>/stat (utime + stime); 0 when it is gone. */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** Every process id whose command name is one of `names` (mariadbd, redis-server...). */
function pidsNamed(names: readonly string[]): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return names.includes(readFileSync(`/proc/${d}/comm`, 'utf8').trim());
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Key of the CPU account holding the cores other processes used while a target was measured. */
const OTHER_CORES = 'other processes (cores)';

/** Where the CPU goes: the bench client itself, each app process, the database and Redis. */
type CpuAccount = Record<string, number>;

/** Busy CPU time (ms) of the whole machine so far, from /proc/stat. */
function machineBusyMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return ((fields.reduce((a, b) => a + b, 0) - idle) * 1000) / CLOCK_TICKS;
}

function cpuSnapshot(groups: Record<string, number[]>): CpuAccount {
  const own = process.cpuUsage();
  return {
    machine: machineBusyMs(),
    'bench client': (own.user + own.system) / 1000,
    ...Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, pids.reduce((sum, pid) => sum + processCpuMs(pid), 0)])),
  };
}
const cpuDelta = (after: CpuAccount, before: CpuAccount): CpuAccount => Object.fromEntries(Object.keys(after).map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)]));

/** Both targets at one concurrency: two interleaved halves each, so that a drift in load hits both alike. */
async function measure(targets: Targets, concurrency: number, processes: Record<string, number[]>): Promise<Record<string, { stats: LatencyStats; cpu: CpuAccount }>> {
  const samples: Record<string, { latencies: number[]; wallMs: number; cpu: CpuAccount }> = {};
  for (let round = 0; round < 2; round++) {
    for (const [name, call] of Object.entries(targets)) {
      const before = cpuSnapshot(processes);
      const r = await runAtConcurrency(call, Math.ceil(REQUESTS / 2), concurrency);
      const used = cpuDelta(cpuSnapshot(processes), before);
      const s = (samples[name] ??= { latencies: [], wallMs: 0, cpu: {} });
      s.latencies.push(...r.latencies);
      s.wallMs += r.wallMs;
      for (const [k, v] of Object.entries(used)) s.cpu[k] = (s.cpu[k] ?? 0) + v;
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([n, s]) => {
      const { machine = 0, ...accounted } = s.cpu;
      // Whatever else ran during the measurement, in cores: a quiet machine shows ~0.
      const others = Math.max(0, machine - Object.values(accounted).reduce((a, b) => a + b, 0)) / s.wallMs;
      const perRequest = Object.fromEntries(Object.entries(accounted).map(([k, v]) => [k, v / s.latencies.length]));
      return [n, { stats: latencyStats(s.latencies, s.wallMs), cpu: { ...perRequest, [OTHER_CORES]: others } }];
    }),
  );
}

const fmt = (load: number[]) => load.map((x) => x.toFixed(2)).join(' ');

async function main(): Promise<void> {
  const loadAtStart = loadavg();
  const s3Dir = await mkdtemp(join(tmpdir(), 'gmdb-bench-s3-'));
  const s3 = await startLocalS3Server({ directory: s3Dir, port: 0 });
  let system: DistributedSystem | undefined;
  if (CLIENT !== 'http' && CLIENT !== 'fetch') throw new Error(`BENCH_CLIENT must be http or fetch, not ${CLIENT}`);
  const client = keepAlivePoster(Math.max(...CONCURRENCIES));
  const post = CLIENT === 'fetch' ? fetchPoster : client.post;
  try {
    process.stderr.write('bench:gateway: building, migrating and starting distributed mode...\n');
    // The worker plays no part in a gallery query: it is left out to keep the machine quiet.
    system = await startDistributedSystem({
      mysqlUrl: TEST_MYSQL_URL,
      redisUrl: TEST_REDIS_URL,
      s3,
      without: ['inference-worker'],
      // BENCH_APP_NODE_OPTIONS reaches every app (cpu-profile.preload.cjs shows where a request's CPU goes).
      env: {
        LOG_LEVEL: 'warn',
        ...(process.env.BENCH_APP_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_APP_NODE_OPTIONS } : {}),
        // The apps get a clean environment: the profiler preload's settings travel explicitly.
        ...Object.fromEntries(['PROFILE_APP', 'PROFILE_DIR'].flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : []))),
      },
    });
    process.stderr.write(`bench:gateway: seeding ${CASES} FAIR cases...\n`);
    await seed(system);
    const token = await system.token('bench-clinician', [Role.Clinician]);
    const expected = Math.min(20, CASES);
    const targets: Targets = {
      'gateway (supergraph)': galleryCall(post, system.gatewayUrl, token, expected),
      'case subgraph (direct)': galleryCall(post, system.caseUrl, token, expected),
    };
    for (const call of Object.values(targets)) await runAtConcurrency(call, 200, CONCURRENCIES[0] ?? 8); // warm-up
    const processes: Record<string, number[]> = {
      gateway: system.pids.gateway === undefined ? [] : [system.pids.gateway],
      'case-service': system.pids['case-service'] === undefined ? [] : [system.pids['case-service']],
      'MariaDB': pidsNamed(['mariadbd', 'mysqld']),
      Redis: pidsNamed(['redis-server']),
    };
    const loadBefore = loadavg();
    const results: { concurrency: number; stats: Record<string, LatencyStats>; cpu: Record<string, CpuAccount> }[] = [];
    for (const concurrency of CONCURRENCIES) {
      const measured = await measure(targets, concurrency, processes);
      results.push({
        concurrency,
        stats: Object.fromEntries(Object.entries(measured).map(([n, m]) => [n, m.stats])),
        cpu: Object.fromEntries(Object.entries(measured).map(([n, m]) => [n, m.cpu])),
      });
    }
    const cpuColumns = ['bench client', ...Object.keys(processes)];
    const cpuRow = (name: string, concurrency: number, cpu: CpuAccount) => {
      const total = cpuColumns.reduce((sum, k) => sum + (cpu[k] ?? 0), 0);
      return `| ${name.padEnd(22)} | ${concurrency} | ${cpuColumns.map((k) => (cpu[k] ?? 0).toFixed(2).padStart(6)).join(' | ')} | ${total.toFixed(2).padStart(6)} | ${(cpu[OTHER_CORES] ?? 0).toFixed(2).padStart(6)} |`;
    };
    const loadAfter = loadavg();
    const lines = [
      '',
      `Gallery query (first: 20 of ${CASES} FAIR cases), ${REQUESTS} requests per target and concurrency, distributed mode (one process per app), client ${CLIENT === 'fetch' ? 'fetch (undici)' : 'node:http keep-alive'}:`,
      '| target | requests | concurrency | p50 ms | p99 ms | mean ms | req/s |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...results.flatMap((r) => Object.entries(r.stats).map(([name, s]) => row(name, r.concurrency, s))),
      '',
      ...results.map((r) => {
        const gateway = r.stats['gateway (supergraph)'];
        const direct = r.stats['case subgraph (direct)'];
        if (!gateway || !direct) return '';
        const ratio = gateway.p50 / direct.p50;
        const others = Math.max(...Object.values(r.cpu).map((c) => c[OTHER_CORES] ?? 0));
        const quiet = others > 0.2 ? `; NOT QUIET: other processes used up to ${others.toFixed(2)} cores, the numbers are pessimistic` : '';
        const verdict = r === results[0] ? ` (target <= ${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}${quiet})` : quiet;
        return `concurrency ${r.concurrency}: gateway/direct at p50 ${ratio.toFixed(3)}${verdict}, at p99 ${(gateway.p99 / direct.p99).toFixed(3)}`;
      }),
      '',
      'CPU time per request (ms), by process, read from /proc over the same runs:',
      `| target | concurrency | ${cpuColumns.join(' | ')} | total | ${OTHER_CORES} |`,
      `|---|---:|${cpuColumns.map(() => '---:').join('|')}|---:|---:|`,
      ...results.flatMap((r) => Object.entries(r.cpu).map(([name, cpu]) => cpuRow(name, r.concurrency, cpu))),
      '',
      `load average (1/5/15 min) before the system started: ${fmt(loadAtStart)}; before measuring: ${fmt(loadBefore)}; after: ${fmt(loadAfter)} (${cpus().length} cores)`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
  } finally {
    client.close();
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
