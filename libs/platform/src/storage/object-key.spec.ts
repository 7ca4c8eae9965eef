import { assertObjectKey, assertObjectPrefix } from './object-key';

describe('object keys', () => {
  it('accepts relative paths', () => {
    expect(() => assertObjectKey('cases/c1/images/i1.jpg')).not.toThrow();
    expect(() => assertObjectPrefix('cases/c1/')).not.toThrow();
  });

  it('refuses empty, absolute, dot-segment, control-character and oversize keys', () => {
    for (const key of ['', '/abs', 'a/../b', './a', 'a\nb', 'x'.repeat(1025)]) {
      expect(() => assertObjectKey(key)).toThrow(/Invalid object key/);
    }
  });
});
