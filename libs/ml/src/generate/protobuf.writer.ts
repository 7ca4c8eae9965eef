/**
 * A minimal protobuf writer: varints, length-delimited fields and fixed32 floats. Nested messages
 * keep their chunks by reference, so a weight tensor's bytes are copied once, into the final buffer.
 * Callers write fields in field-number order (as protoc does) so the output is canonical.
 */
const WIRE_VARINT = 0;
const WIRE_FIXED32 = 5;
const WIRE_LEN = 2;

export class ProtobufWriter {
  private readonly chunks: Uint8Array[] = [];
  private pending: number[] = [];
  private size = 0;

  get length(): number {
    return this.size + this.pending.length;
  }

  uint64(field: number, value: number | bigint): this {
    this.tag(field, WIRE_VARINT);
    this.varint(value);
    return this;
  }

  float(field: number, value: number): this {
    this.tag(field, WIRE_FIXED32);
    const b = Buffer.alloc(4);
    b.writeFloatLE(value, 0);
    this.pending.push(b[0], b[1], b[2], b[3]);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, Buffer.from(value, 'utf8'));
  }

  bytes(field: number, value: Uint8Array): this {
    this.tag(field, WIRE_LEN);
    this.varint(value.length);
    this.append(value);
    return this;
  }

  /** A packed repeated int64 field (proto parsers accept packed and unpacked alike). */
  packedInt64(field: number, values: readonly (number | bigint)[]): this {
    const inner = new ProtobufWriter();
    for (const v of values) inner.varint(v);
    return this.message(field, inner);
  }

  /** Bytes that are already whole encoded fields (copied from a message as they were read), kept by reference. */
  raw(fields: Uint8Array): this {
    this.append(fields);
    return this;
  }

  message(field: number, inner: ProtobufWriter): this {
    this.tag(field, WIRE_LEN);
    this.varint(inner.length);
    inner.flush();
    for (const c of inner.chunks) this.append(c);
    return this;
  }

  finish(): Buffer {
    this.flush();
    return Buffer.concat(this.chunks, this.size);
  }

  private tag(field: number, wire: number): void {
    this.varint(field * 8 + wire);
  }

  /** Unsigned LEB128; negative numbers as 64-bit two's complement (10 bytes), as protobuf does. */
  varint(value: number | bigint): void {
    if (typeof value === 'number') {
      if (!Number.isInteger(value)) throw new RangeError(`varint needs an integer, got ${value}`);
      if (value >= 0 && value < 2 ** 31) {
        let v = value;
        while (v >= 0x80) {
          this.pending.push((v & 0x7f) | 0x80);
          v >>>= 7;
        }
        this.pending.push(v);
        return;
      }
      value = BigInt(value);
    }
    let v = BigInt.asUintN(64, value);
    while (v >= 0x80n) {
      this.pending.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.pending.push(Number(v));
  }

  private append(bytes: Uint8Array): void {
    if (bytes.length < 64) {
      for (const b of bytes) this.pending.push(b);
      return;
    }
    this.flush();
    this.chunks.push(bytes);
    this.size += bytes.length;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(Uint8Array.from(this.pending));
    this.size += this.pending.length;
    this.pending = [];
  }
}
