import { DomainError } from '@gmdb/domain';
import { MAX_JSON_DEPTH, canonicalJson, isValidIdempotencyKey, requestHash } from './request-hash';

describe('request hash of an Idempotency-Key', () => {
  it('ignores key order at every depth but not array order or values', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    expect(requestHash('post', '/x', { a: 1, b: 2 })).toBe(requestHash('POST', '/x', { b: 2, a: 1 }));
    expect(requestHash('POST', '/x', { a: [1, 2] })).not.toBe(requestHash('POST', '/x', { a: [2, 1] }));
    expect(requestHash('POST', '/x', { a: 1 })).not.toBe(requestHash('POST', '/y', { a: 1 }));
  });

  it('refuses bodies nested too deeply instead of overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < MAX_JSON_DEPTH + 1; i += 1) deep = { a: deep };
    expect(() => canonicalJson(deep)).toThrow(DomainError);
  });

  it('accepts 1 to 200 visible ASCII characters as a key', () => {
    expect(isValidIdempotencyKey('2f1c9a4e-8c55-4f8a-9c0e-1d2e3f4a5b6c')).toBe(true);
    expect(isValidIdempotencyKey('')).toBe(false);
    expect(isValidIdempotencyKey('a b')).toBe(false);
    expect(isValidIdempotencyKey('ü')).toBe(false);
    expect(isValidIdempotencyKey('x'.repeat(201))).toBe(false);
  });
});
