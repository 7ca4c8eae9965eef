import { createHash } from 'node:crypto';
import { DomainError, ErrorCode } from '@gmdb/domain';

/** Deeper bodies are refused before hashing (no GMDB request nests this deep). */
export const MAX_JSON_DEPTH = 64;

/** JSON with object keys sorted at every depth, so that key order does not change the hash. */
export function canonicalJson(value: unknown, depth = 0): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (depth >= MAX_JSON_DEPTH) throw new DomainError(ErrorCode.BAD_REQUEST, `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, depth + 1)).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k], depth + 1)}`);
  return `{${entries.join(',')}}`;
}

/** SHA-256 (hex) of what makes two requests "the same": method, path and canonical body. */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method.toUpperCase()} ${path}\n${canonicalJson(body ?? null)}`).digest('hex');
}

const KEY = /^[\x21-\x7e]{1,200}$/;

/** An Idempotency-Key is 1..200 visible ASCII characters (a UUID is the usual choice). */
export function isValidIdempotencyKey(key: string): boolean {
  return KEY.test(key);
}
