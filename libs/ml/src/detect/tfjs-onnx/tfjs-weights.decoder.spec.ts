import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeTfjsWeights, halfToFloat } from './tfjs-weights.decoder';

describe('decodeTfjsWeights', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tfjs-weights-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('decodes half floats exactly', () => {
    expect([0x3c00, 0xc000, 0x7bff, 0x0001, 0x8000, 0x3555].map(halfToFloat)).toEqual([1, -2, 65504, 2 ** -24, -0, 0.333251953125]);
    expect(halfToFloat(0x7c00)).toBe(Infinity);
  });

  it('reads float32, int32, float16 and uint8/uint16 affine weights back to back across shards', async () => {
    const f32 = Buffer.from(Float32Array.of(1.5, -2).buffer);
    const i32 = Buffer.from(Int32Array.of(7, -1).buffer);
    const f16 = Buffer.from(Uint16Array.of(0x3c00, 0xb800).buffer);
    const u8 = Buffer.from(Uint8Array.of(0, 2, 4));
    const u16 = Buffer.from(Uint16Array.of(10).buffer);
    const all = Buffer.concat([f32, i32, f16, u8, u16]);
    // Two shards split mid-weight: offsets run over the concatenated stream.
    writeFileSync(join(dir, 'a.bin'), all.subarray(0, 10));
    writeFileSync(join(dir, 'b.bin'), all.subarray(10));
    const weights = await decodeTfjsWeights(dir, [
      {
        paths: ['a.bin', 'b.bin'],
        weights: [
          { name: 'f32', shape: [2], dtype: 'float32' },
          { name: 'i32', shape: [2], dtype: 'int32' },
          { name: 'f16', shape: [2], dtype: 'float32', quantization: { dtype: 'float16' } },
          { name: 'u8', shape: [3], dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.5, min: -1 } },
          { name: 'u16', shape: [1], dtype: 'float32', quantization: { dtype: 'uint16', scale: 0.25, min: 1 } },
        ],
      },
    ]);
    expect(Array.from(weights.get('f32')?.values ?? [])).toEqual([1.5, -2]);
    expect(weights.get('i32')).toMatchObject({ dtype: 'int32', values: Int32Array.of(7, -1) });
    expect(Array.from(weights.get('f16')?.values ?? [])).toEqual([1, -0.5]);
    expect(Array.from(weights.get('u8')?.values ?? [])).toEqual([-1, 0, 1]);
    expect(Array.from(weights.get('u16')?.values ?? [])).toEqual([3.5]);
  });

  it('says which weight runs past the shards', async () => {
    writeFileSync(join(dir, 'w.bin'), Buffer.alloc(4));
    await expect(decodeTfjsWeights(dir, [{ paths: ['w.bin'], weights: [{ name: 'big', shape: [2], dtype: 'float32' }] }])).rejects.toThrow(/weight big needs bytes 0..8/);
  });

  it('refuses an unknown dtype', async () => {
    writeFileSync(join(dir, 'w.bin'), Buffer.alloc(4));
    await expect(decodeTfjsWeights(dir, [{ paths: ['w.bin'], weights: [{ name: 'b', shape: [4], dtype: 'bool' }] }])).rejects.toThrow(/weight b: dtype bool is not supported/);
  });
});
