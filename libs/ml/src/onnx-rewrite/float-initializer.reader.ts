import { InitializerParts } from './onnx-model.parts';
import { FLOAT_DATA_TYPE, TensorField } from './onnx-proto.fields';
import { WireType, lenBytes, varintNumber } from './protobuf.reader';

export type FloatValues = { ok: true; values: Float32Array } | { ok: false; reason: string };

/**
 * The values of a float32 initializer stored in the model, from raw_data (little-endian) or from
 * float_data (packed or not). Other element types are refused with a reason.
 */
export function readFloatInitializer(tensor: InitializerParts): FloatValues {
  const { fields, dims } = tensor;
  const dataType = fields.find((f) => f.field === TensorField.DATA_TYPE);
  if (!dataType || varintNumber(dataType) !== FLOAT_DATA_TYPE) return { ok: false, reason: 'not float32' };
  const count = dims.reduce((a, b) => a * b, 1);
  const raw = fields.find((f) => f.field === TensorField.RAW_DATA);
  const values = raw ? fromLittleEndian(lenBytes(raw)) : fromFloatData(tensor);
  if (values.length !== count) return { ok: false, reason: `${values.length} values for dims [${dims.join(',')}]` };
  return { ok: true, values };
}

function fromLittleEndian(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(Math.floor(bytes.byteLength / 4));
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(4 * i, true);
  return bytes.byteLength % 4 === 0 ? out : new Float32Array(0);
}

function fromFloatData(tensor: InitializerParts): Float32Array {
  const chunks: Float32Array[] = [];
  for (const f of tensor.fields) {
    if (f.field !== TensorField.FLOAT_DATA) continue;
    if (f.wire === WireType.LEN || f.wire === WireType.FIXED32) chunks.push(fromLittleEndian(f.value));
  }
  const out = new Float32Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
