import { runInThisContext } from 'node:vm';

/**
 * Jest runs each spec in its own vm realm, but onnxruntime-node's native binding creates output
 * tensors with the host realm's typed arrays, which fail onnxruntime-common's `instanceof` checks
 * ("A float32 tensor's data must be type of Float32Array"). jest.config.js loads this module
 * (setupFiles) before every spec, so every spec realm uses the host constructors.
 * Production code runs in one realm and never needs it.
 */
const NAMES = ['Float32Array', 'Float64Array', 'Int32Array', 'BigInt64Array', 'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'BigUint64Array'] as const;

for (const name of NAMES) {
  const host: unknown = runInThisContext(name);
  if (typeof host === 'function' && (globalThis as Record<string, unknown>)[name] !== host) {
    (globalThis as Record<string, unknown>)[name] = host;
  }
}

export const HOST_TYPED_ARRAYS = true;
