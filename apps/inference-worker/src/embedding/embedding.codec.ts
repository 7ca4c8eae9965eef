/**
 * Embeddings travel to and from the database as little-endian float32 bytes, slot-major.
 * mysql2 hands back Buffers that are slices of a larger pool at any byte offset, and a
 * Float32Array view needs a multiple of 4: decoding copies the bytes first.
 */
export function encodeEmbedding(embedding: Float32Array): Buffer {
  const out = Buffer.alloc(embedding.length * 4);
  for (let i = 0; i < embedding.length; i++) out.writeFloatLE(embedding[i], i * 4);
  return out;
}

export function decodeEmbedding(bytes: Uint8Array, expectedLength?: number): Float32Array {
  if (bytes.byteLength % 4 !== 0) throw new RangeError(`an embedding blob of ${bytes.byteLength} bytes is not float32`);
  const n = bytes.byteLength / 4;
  if (expectedLength !== undefined && n !== expectedLength) throw new RangeError(`embedding has ${n} values, expected ${expectedLength}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}
