import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Reads a small text file; undefined where it does not exist or cannot be read. */
export type TextFileReader = (path: string) => string | undefined;

const readText: TextFileReader = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** cgroup v2 `cpu.max` ("max 100000" or "QUOTA PERIOD") as cores, undefined when unlimited or unreadable. */
export function cgroupV2Cores(text: string | undefined): number | undefined {
  const [quota, period] = (text ?? '').trim().split(/\s+/);
  return quotaCores(quota, period);
}

/** cgroup v1 `cpu.cfs_quota_us` / `cpu.cfs_period_us` as cores (a quota of -1 is unlimited). */
export function cgroupV1Cores(quota: string | undefined, period: string | undefined): number | undefined {
  return quotaCores(quota?.trim(), period?.trim());
}

function quotaCores(quota: string | undefined, period: string | undefined): number | undefined {
  if (!quota || !period || !/^\d+$/.test(quota) || !/^\d+$/.test(period)) return undefined;
  const q = Number(quota);
  const p = Number(period);
  if (q <= 0 || p <= 0) return undefined;
  // 1.5 cores of quota still keeps two threads busy part of the time; rounding up wastes less
  // than leaving half a core idle.
  return Math.max(1, Math.ceil(q / p));
}

/**
 * The cores this process may use: the CPU affinity count (os.availableParallelism), capped by the
 * container's CPU quota (cgroup v2 cpu.max, else cgroup v1 cfs quota) — a pod limited to 2 CPUs on
 * a 64-core node gets 2, not 64 threads that the quota then throttles.
 */
export function availableCores(read: TextFileReader = readText, parallelism: number = availableParallelism()): number {
  const quota = cgroupV2Cores(read('/sys/fs/cgroup/cpu.max')) ?? cgroupV1Cores(read('/sys/fs/cgroup/cpu/cpu.cfs_quota_us'), read('/sys/fs/cgroup/cpu/cpu.cfs_period_us'));
  return Math.max(1, Math.min(parallelism, quota ?? parallelism));
}

/**
 * Intra-op threads for each of `lanes` ONNX Runtime sessions that run side by side (1: a lone
 * session): `requested` when it is positive, else an equal share of the available cores, at least
 * one. 0 is never passed on: onnxruntime-node 1.30's own default for 0 ran a single thread on this
 * project's 2-core machines (r50 int8 batch 1: 30.8 ms with 0, 30.3 with 1, 23.4 with 2; the
 * 10k x 3-slot search Gemm of then: 5.2 / 5.0 / 3.0 ms).
 */
export function resolveIntraOpThreads(requested: number, lanes = 1, cores: () => number = availableCores): number {
  return Number.isInteger(requested) && requested > 0 ? requested : Math.max(1, Math.floor(cores() / lanes));
}
