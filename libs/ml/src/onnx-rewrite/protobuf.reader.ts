/**
 * A minimal protobuf wire-format reader. It splits a message into its fields without decoding
 * them: each field keeps the byte range it came from, so an unchanged field (a weight tensor of
 * hundreds of MB) is copied back as a slice of the input, never as numbers.
 */
export const WireType = { VARINT: 0, FIXED64: 1, LEN: 2, FIXED32: 5 } as const;

interface FieldBase {
  field: number;
  /** The whole field, tag included: copy it to keep the field as it was. */
  raw: Uint8Array;
}

export type ProtoField =
  | (FieldBase & { wire: typeof WireType.VARINT; value: bigint })
  | (FieldBase & { wire: typeof WireType.LEN; value: Uint8Array })
  | (FieldBase & { wire: typeof WireType.FIXED32 | typeof WireType.FIXED64; value: Uint8Array });

export class ProtobufDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtobufDecodeError';
  }
}

/** The fields of one message, in file order. Throws ProtobufDecodeError on malformed bytes. */
export function readFields(bytes: Uint8Array): ProtoField[] {
  const fields: ProtoField[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const start = pos;
    const [tag, afterTag] = readVarint(bytes, pos);
    const field = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (field === 0) throw new ProtobufDecodeError(`field number 0 at byte ${start}`);
    if (wire === WireType.VARINT) {
      const [value, end] = readVarint(bytes, afterTag);
      fields.push({ field, wire, value, raw: bytes.subarray(start, end) });
      pos = end;
    } else if (wire === WireType.LEN) {
      const [length, dataStart] = readVarint(bytes, afterTag);
      const end = dataStart + Number(length);
      if (length > BigInt(bytes.length) || end > bytes.length) {
        throw new ProtobufDecodeError(`field ${field} at byte ${start} runs past the end (${length} bytes declared)`);
      }
      fields.push({ field, wire, value: bytes.subarray(dataStart, end), raw: bytes.subarray(start, end) });
      pos = end;
    } else if (wire === WireType.FIXED32 || wire === WireType.FIXED64) {
      const end = afterTag + (wire === WireType.FIXED32 ? 4 : 8);
      if (end > bytes.length) throw new ProtobufDecodeError(`field ${field} at byte ${start} runs past the end`);
      fields.push({ field, wire, value: bytes.subarray(afterTag, end), raw: bytes.subarray(start, end) });
      pos = end;
    } else {
      throw new ProtobufDecodeError(`unsupported wire type ${wire} (field ${field}) at byte ${start}`);
    }
  }
  return fields;
}

/** Unsigned LEB128 of at most 10 bytes, as a 64-bit value; returns [value, next position]. */
export function readVarint(bytes: Uint8Array, pos: number): [bigint, number] {
  let value = 0n;
  for (let i = 0; i < 10; i++) {
    if (pos + i >= bytes.length) throw new ProtobufDecodeError(`varint at byte ${pos} runs past the end`);
    const b = bytes[pos + i];
    value |= BigInt(b & 0x7f) << BigInt(7 * i);
    if (b < 0x80) return [BigInt.asUintN(64, value), pos + i + 1];
  }
  throw new ProtobufDecodeError(`varint at byte ${pos} is longer than 10 bytes`);
}

/** A varint field as a JS number (int32 / int64 fields that fit; negative int64 comes back negative). */
export function varintNumber(field: ProtoField): number {
  if (field.wire !== WireType.VARINT) throw new ProtobufDecodeError(`field ${field.field} is not a varint`);
  return Number(BigInt.asIntN(64, field.value));
}

export function lenBytes(field: ProtoField): Uint8Array {
  if (field.wire !== WireType.LEN) throw new ProtobufDecodeError(`field ${field.field} is not length-delimited`);
  return field.value;
}

export function lenString(field: ProtoField): string {
  return Buffer.from(lenBytes(field)).toString('utf8');
}

/** A repeated int64 field, packed (one LEN field) or not (one varint field per value). */
export function repeatedInt64(fields: readonly ProtoField[], field: number): number[] {
  const out: number[] = [];
  for (const f of fields) {
    if (f.field !== field) continue;
    if (f.wire === WireType.VARINT) {
      out.push(varintNumber(f));
      continue;
    }
    const packed = lenBytes(f);
    let pos = 0;
    while (pos < packed.length) {
      const [v, next] = readVarint(packed, pos);
      out.push(Number(BigInt.asIntN(64, v)));
      pos = next;
    }
  }
  return out;
}
