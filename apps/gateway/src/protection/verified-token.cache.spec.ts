import { VerifiedTokenCache } from './verified-token.cache';

describe('VerifiedTokenCache', () => {
  it('answers a verified token until its expiry or the maximum age, whichever comes first', () => {
    let now = 1_000_000;
    const cache = new VerifiedTokenCache(10, 60_000, () => now);
    cache.set('a', 'user-a', now + 10_000);
    cache.set('b', 'user-b', now + 600_000);
    expect(cache.get('a')).toBe('user-a');
    now += 10_000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe('user-b');
    now += 50_000;
    expect(cache.get('b')).toBeUndefined();
  });

  it('never stores an expired token and drops the oldest entry when full', () => {
    const now = 5_000;
    const cache = new VerifiedTokenCache(2, 60_000, () => now);
    cache.set('old', 'x', now - 1);
    expect(cache.get('old')).toBeUndefined();
    cache.set('1', 'one', undefined);
    cache.set('2', 'two', undefined);
    cache.set('3', 'three', undefined);
    expect([cache.get('1'), cache.get('2'), cache.get('3')]).toEqual([undefined, 'two', 'three']);
  });
});
