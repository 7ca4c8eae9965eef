import { availableParallelism } from 'node:os';
import { availableCores, cgroupV1Cores, cgroupV2Cores, resolveIntraOpThreads } from './cpu-budget';
import { ortSessionOptions } from './ort-session.factory';

const files =
  (entries: Record<string, string>) =>
  (path: string): string | undefined =>
    entries[path];

describe('cgroup CPU quotas', () => {
  it.each([
    ['max 100000\n', undefined],
    ['200000 100000\n', 2],
    ['150000 100000', 2],
    ['50000 100000', 1],
    ['400000 50000', 8],
    ['', undefined],
    ['0 100000', undefined],
    ['-1 100000', undefined],
    ['abc 100000', undefined],
    ['100000', undefined],
  ])('reads cpu.max %j as %p cores', (text, cores) => {
    expect(cgroupV2Cores(text)).toBe(cores);
  });

  it('reads the v1 cfs quota, -1 as unlimited', () => {
    expect(cgroupV1Cores('300000\n', '100000\n')).toBe(3);
    expect(cgroupV1Cores('-1\n', '100000\n')).toBeUndefined();
    expect(cgroupV1Cores(undefined, '100000')).toBeUndefined();
  });
});

describe('availableCores', () => {
  it('caps the affinity count by the v2 quota', () => {
    expect(availableCores(files({ '/sys/fs/cgroup/cpu.max': '200000 100000' }), 64)).toBe(2);
  });

  it('falls back to the v1 quota where there is no cpu.max', () => {
    const v1 = files({ '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '100000', '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000' });
    expect(availableCores(v1, 16)).toBe(1);
  });

  it('keeps the affinity count when the quota is larger or unlimited', () => {
    expect(availableCores(files({ '/sys/fs/cgroup/cpu.max': '800000 100000' }), 2)).toBe(2);
    expect(availableCores(files({ '/sys/fs/cgroup/cpu.max': 'max 100000' }), 6)).toBe(6);
    expect(availableCores(files({}), 3)).toBe(3);
  });

  it('is at least one and at most what this machine offers', () => {
    const cores = availableCores();
    expect(cores).toBeGreaterThanOrEqual(1);
    expect(cores).toBeLessThanOrEqual(availableParallelism());
  });
});

describe('intra-op threads', () => {
  it('keeps a positive request and replaces 0 (or nonsense) by the available cores', () => {
    expect(resolveIntraOpThreads(3, 1, () => 8)).toBe(3);
    expect(resolveIntraOpThreads(0, 1, () => 8)).toBe(8);
    expect(resolveIntraOpThreads(-1, 1, () => 8)).toBe(8);
    expect(resolveIntraOpThreads(1.5, 1, () => 8)).toBe(8);
  });

  it('never hands onnxruntime a 0, whose own default ran one thread here', () => {
    const options = ortSessionOptions({ executionProvider: 'cpu', intraOpNumThreads: 0, forceSpinningStop: true });
    expect(options.intraOpNumThreads).toBe(availableCores());
    expect(ortSessionOptions({ executionProvider: 'cpu', intraOpNumThreads: 1, forceSpinningStop: true }).intraOpNumThreads).toBe(1);
  });
});

describe('lane threads', () => {
  it('shares the available cores between lanes unless a count is asked for', () => {
    const cores = availableCores();
    expect(resolveIntraOpThreads(0, 1)).toBe(cores);
    expect(resolveIntraOpThreads(0, 2)).toBe(Math.max(1, Math.floor(cores / 2)));
    expect(resolveIntraOpThreads(0, 64)).toBe(1);
    expect(resolveIntraOpThreads(3, 2)).toBe(3);
  });
});
