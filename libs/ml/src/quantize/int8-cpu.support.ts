import { readFileSync } from 'node:fs';

/** The x86 flags (as /proc/cpuinfo names them) that give onnxruntime exact int8 dot products. */
const INT8_DOT_PRODUCT_FLAGS = ['avx512_vnni', 'avx_vnni', 'amx_int8'] as const;

export interface Int8CpuSupport {
  /** True where the CPU has VNNI or AMX (or is not x86, where this check does not apply). */
  exact: boolean;
  /** The int8 dot-product flags found. */
  flags: string[];
  /** Why `exact` is false, for a log line. */
  reason?: string;
}

/**
 * Whether this CPU runs the int8 encoders as they were checked. Without VNNI or AMX, onnxruntime's
 * x86 kernels multiply uint8 × int8 with VPMADDUBSW, whose int16 pair sums can saturate (its own
 * documentation on quantization says so), so an int8 model may drift from the agreement measured
 * where it was quantized. `cpuinfo` is /proc/cpuinfo's text (undefined: read it; unreadable, or not
 * x86: no verdict, reported as exact).
 */
export function int8CpuSupport(cpuinfo?: string, arch: string = process.arch): Int8CpuSupport {
  if (arch !== 'x64' && arch !== 'ia32') return { exact: true, flags: [] };
  let text = cpuinfo;
  if (text === undefined) {
    try {
      text = readFileSync('/proc/cpuinfo', 'utf8');
    } catch {
      return { exact: true, flags: [] };
    }
  }
  const line = text.split('\n').find((l) => /^flags\s*:/.test(l));
  if (!line) return { exact: true, flags: [] };
  const flags = new Set(line.slice(line.indexOf(':') + 1).trim().split(/\s+/));
  const found = INT8_DOT_PRODUCT_FLAGS.filter((f) => flags.has(f));
  return found.length > 0
    ? { exact: true, flags: found }
    : { exact: false, flags: [], reason: 'this CPU has neither VNNI nor AMX: onnxruntime’s uint8 × int8 products can saturate here; compare the int8 embeddings with the float model’s on this machine (gmdb model quantize reports the agreement where it runs) before serving them' };
}
