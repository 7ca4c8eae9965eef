import { runInThisContext } from 'node:vm';

/**
 * For specs that run ONNX Runtime under jest: jest gives each spec its own vm realm, while
 * onnxruntime-node builds output tensors with the host realm's typed arrays, which then fail
 * onnxruntime-common's `instanceof` checks. Imported first, this points the spec realm's typed-array
 * globals at the host's. Same purpose as libs/ml/src/testing/host-typed-arrays.ts, which the Nx
 * boundary rule does not let an app import by path (@gmdb/ml does not export its testing folder).
 */
for (const name of ['Float32Array', 'Float64Array', 'Int8Array', 'Uint8Array', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array']) {
  const host: unknown = runInThisContext(name);
  const realm = globalThis as Record<string, unknown>;
  if (typeof host === 'function' && realm[name] !== host) realm[name] = host;
}

export const USES_HOST_TYPED_ARRAYS = true;
