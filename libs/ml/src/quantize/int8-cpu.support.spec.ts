import { int8CpuSupport } from './int8-cpu.support';

const cpuinfo = (flags: string) => `processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: ${flags}\nbogomips\t: 5200.00\n`;

describe('int8CpuSupport', () => {
  it('finds VNNI or AMX among the flags', () => {
    expect(int8CpuSupport(cpuinfo('fpu sse avx2 avx512f avx512_vnni amx_int8 amx_tile'), 'x64')).toEqual({ exact: true, flags: ['avx512_vnni', 'amx_int8'] });
    expect(int8CpuSupport(cpuinfo('fpu avx2 avx_vnni'), 'x64')).toEqual({ exact: true, flags: ['avx_vnni'] });
  });

  it('says why when an x86 CPU has neither', () => {
    const support = int8CpuSupport(cpuinfo('fpu sse sse2 avx avx2 fma avx512f avx512bw'), 'x64');
    expect(support.exact).toBe(false);
    expect(support.reason).toMatch(/neither VNNI nor AMX/);
  });

  it('gives no verdict where the check does not apply', () => {
    expect(int8CpuSupport('', 'x64')).toEqual({ exact: true, flags: [] });
    expect(int8CpuSupport(cpuinfo('fp asimd'), 'arm64')).toEqual({ exact: true, flags: [] });
  });

  it('reads this machine when given nothing', () => {
    expect(typeof int8CpuSupport().exact).toBe('boolean');
  });
});
