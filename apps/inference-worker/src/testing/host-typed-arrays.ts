import { runInThisContext } from 'node:vm';

/**
 * Jest gives each spec file its own realm, but onnxruntime-node builds its output tensors with
 * the host realm's typed arrays, which then fail onnxruntime-common's `instanceof` checks inside
 * the spec's realm. Importing this first in a spec that runs ONNX makes the spec's realm use the
 * host constructors. Production code has one realm and never imports it.
 */
const TYPED = ['Float32Array', 'Float64Array', 'Int8Array', 'Uint8Array', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array'];

for (const name of TYPED) {
  const fromHost: unknown = runInThisContext(name);
  const globals = globalThis as Record<string, unknown>;
  if (typeof fromHost === 'function' && globals[name] !== fromHost) globals[name] = fromHost;
}

export const HOST_TYPED_ARRAYS_INSTALLED = true;
