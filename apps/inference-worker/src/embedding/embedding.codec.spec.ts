import { decodeEmbedding, encodeEmbedding } from './embedding.codec';

describe('embedding codec', () => {
  it('round-trips float32 values exactly, little-endian', () => {
    const values = Float32Array.from([0, -1.5, 3.25e-8, 1e30, Number.MIN_VALUE]);
    const bytes = encodeEmbedding(values);
    expect(bytes.length).toBe(20);
    expect(bytes.readFloatLE(4)).toBe(-1.5);
    expect(Array.from(decodeEmbedding(bytes))).toEqual(Array.from(values));
  });

  it('decodes a buffer at an odd byte offset (mysql2 pool slices)', () => {
    const values = Float32Array.from([1, 2, 3]);
    const pool = Buffer.alloc(13 + 12);
    encodeEmbedding(values).copy(pool, 13);
    expect(Array.from(decodeEmbedding(pool.subarray(13), 3))).toEqual([1, 2, 3]);
  });

  it('refuses blobs of the wrong size', () => {
    expect(() => decodeEmbedding(Buffer.alloc(7))).toThrow(RangeError);
    expect(() => decodeEmbedding(Buffer.alloc(8), 3)).toThrow(/expected 3/);
  });
});
