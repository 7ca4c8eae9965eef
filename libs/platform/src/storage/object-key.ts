const MAX_KEY_BYTES = 1024;

/** Keys are relative paths: not empty, no leading `/`, no `.`/`..` segments, no control characters. */
export function assertObjectKey(key: string): void {
  const bytes = Buffer.byteLength(key, 'utf8');
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u001f\u007f]/.test(key);
  const bad = control || key.startsWith('/') || key.split('/').some((s) => s === '.' || s === '..');
  if (bytes === 0 || bytes > MAX_KEY_BYTES || bad) {
    throw new Error(`Invalid object key "${key.slice(0, 80)}": use a relative path of 1..${MAX_KEY_BYTES} bytes`);
  }
}

/** A prefix for deleteMany: like a key, and never empty (that would empty the bucket). */
export function assertObjectPrefix(prefix: string): void {
  assertObjectKey(prefix);
}
