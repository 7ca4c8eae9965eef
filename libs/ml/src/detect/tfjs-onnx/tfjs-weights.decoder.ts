import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TfConst, TfQuantization, TfWeightSpec, TfWeightsGroup } from './tfjs-model.types';

// Keyed by any string: the manifest is read from JSON and may name a dtype this file does not know.
const BYTES_PER_QUANTISED_VALUE: Readonly<Record<string, number | undefined>> = { uint8: 1, uint16: 2, float16: 2 };

/**
 * Reads every weight of a graph model's `weightsManifest`. Within a group the shard files are one
 * byte stream holding the weights back to back in manifest order, so each weight's offset is the
 * sum of the sizes before it. Quantised weights come back dequantised to float32.
 */
export async function decodeTfjsWeights(modelDir: string, groups: readonly TfWeightsGroup[]): Promise<Map<string, TfConst>> {
  const consts = new Map<string, TfConst>();
  for (const group of groups) {
    const shards = await Promise.all(group.paths.map((p) => readFile(join(modelDir, p))));
    const bytes = Buffer.concat(shards);
    let offset = 0;
    for (const spec of group.weights) {
      const count = spec.shape.reduce((a, b) => a * b, 1);
      const size = count * bytesPerValue(spec);
      if (offset + size > bytes.length) {
        throw new RangeError(`weight ${spec.name} needs bytes ${offset}..${offset + size} but the shards of [${group.paths.join(', ')}] hold ${bytes.length}`);
      }
      // Copy out so every typed array is aligned and owns its memory.
      const raw = new Uint8Array(bytes.subarray(offset, offset + size));
      consts.set(spec.name, decodeWeight(spec, raw, count));
      offset += size;
    }
  }
  return consts;
}

/** Stored size of one value; checks the dtype first, since a wrong size would shift every later weight. */
function bytesPerValue({ name, dtype, quantization }: TfWeightSpec): number {
  if (dtype !== 'float32' && dtype !== 'int32') throw new Error(`weight ${name}: dtype ${dtype} is not supported (float32 or int32)`);
  if (!quantization) return 4;
  if (dtype === 'int32') throw new Error(`weight ${name}: quantised int32 weights are not supported`);
  const size = BYTES_PER_QUANTISED_VALUE[quantization.dtype];
  if (size === undefined) throw new Error(`weight ${name}: quantisation dtype ${String(quantization.dtype)} is not supported (uint8, uint16, float16)`);
  return size;
}

function decodeWeight(spec: TfWeightSpec, raw: Uint8Array, count: number): TfConst {
  const { name, shape, dtype, quantization } = spec;
  if (dtype === 'int32') return { name, shape, dtype: 'int32', values: new Int32Array(raw.buffer, 0, count) };
  if (!quantization) return { name, shape, dtype: 'float32', values: new Float32Array(raw.buffer, 0, count) };
  return { name, shape, dtype: 'float32', values: dequantize(name, quantization, raw, count) };
}

function dequantize(name: string, q: TfQuantization, raw: Uint8Array, count: number): Float32Array {
  const out = new Float32Array(count);
  if (q.dtype === 'float16') {
    const halves = new Uint16Array(raw.buffer, 0, count);
    for (let i = 0; i < count; i++) out[i] = halfToFloat(halves[i]);
    return out;
  }
  if (q.scale === undefined || q.min === undefined) throw new Error(`weight ${name}: ${q.dtype} quantisation needs scale and min`);
  const stored = q.dtype === 'uint8' ? raw : new Uint16Array(raw.buffer, 0, count);
  for (let i = 0; i < count; i++) out[i] = stored[i] * q.scale + q.min;
  return out;
}

/** IEEE 754 binary16 to a JS number (exact: every half is representable in float32). */
export function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}
