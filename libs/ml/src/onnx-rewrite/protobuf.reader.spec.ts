import { generateIResNet } from '../generate/iresnet.generator';
import { ProtobufWriter } from '../generate/protobuf.writer';
import { ProtobufDecodeError, WireType, lenBytes, readFields, readVarint, repeatedInt64, varintNumber } from './protobuf.reader';

describe('protobuf reader', () => {
  it('reads back what the writer wrote: varints (large and negative), strings, floats, packed ints', () => {
    const bytes = new ProtobufWriter()
      .uint64(1, 300)
      .uint64(2, 2 ** 40 + 5)
      .uint64(3, -2)
      .string(4, 'naïve')
      .float(5, 0.25)
      .packedInt64(6, [1, 512, -1])
      .finish();
    const fields = readFields(bytes);
    expect(fields.map((f) => [f.field, f.wire])).toEqual([[1, 0], [2, 0], [3, 0], [4, 2], [5, 5], [6, 2]]);
    expect(varintNumber(fields[0])).toBe(300);
    expect(varintNumber(fields[1])).toBe(2 ** 40 + 5);
    expect(varintNumber(fields[2])).toBe(-2);
    expect(Buffer.from(lenBytes(fields[3])).toString('utf8')).toBe('naïve');
    expect(fields[4].wire === WireType.FIXED32 && Buffer.from(fields[4].value).readFloatLE(0)).toBe(0.25);
    expect(repeatedInt64(fields, 6)).toEqual([1, 512, -1]);
    expect(Buffer.concat(fields.map((f) => f.raw)).equals(bytes)).toBe(true);
  });

  it('reads unpacked repeated ints and fixed64 fields', () => {
    const bytes = Buffer.from([0x08, 0x03, 0x08, 0x07, 0x11, 1, 2, 3, 4, 5, 6, 7, 8]);
    const fields = readFields(bytes);
    expect(repeatedInt64(fields, 1)).toEqual([3, 7]);
    expect(fields[2]).toMatchObject({ field: 2, wire: WireType.FIXED64 });
    expect(Array.from(fields[2].raw.subarray(1))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('splits a generated r18 ModelProto into fields whose raw bytes rebuild it exactly, graph included', () => {
    const model = generateIResNet({ arch: 'r18', seed: 5 });
    const fields = readFields(model);
    expect(Buffer.concat(fields.map((f) => f.raw)).equals(model)).toBe(true);
    const graph = lenBytes(fields.find((f) => f.field === 7)!);
    const graphFields = readFields(graph);
    expect(graphFields.filter((f) => f.field === 1)).toHaveLength(21 + 9 + 8 + 8 + 1 + 1);
    expect(Buffer.concat(graphFields.map((f) => f.raw)).equals(Buffer.from(graph))).toBe(true);
  });

  it('rejects truncated and malformed bytes with a ProtobufDecodeError', () => {
    const bytes = new ProtobufWriter().string(1, 'hello').uint64(2, 2 ** 40).finish();
    expect(() => readFields(bytes.subarray(0, 4))).toThrow(ProtobufDecodeError);
    expect(() => readFields(bytes.subarray(0, bytes.length - 1))).toThrow(/varint at byte \d+ runs past the end/);
    expect(() => readFields(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]))).toThrow(/runs past the end/);
    expect(() => readFields(Buffer.from([0x0b]))).toThrow(/wire type 3/);
    expect(() => readFields(Buffer.from([0x00, 0x01]))).toThrow(/field number 0/);
    expect(() => readVarint(Buffer.alloc(11, 0xff), 0)).toThrow(/longer than 10 bytes/);
  });
});
