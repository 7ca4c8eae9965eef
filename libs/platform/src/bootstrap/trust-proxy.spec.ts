import { httpConfigFields } from './http-config.fields';
import { parseTrustProxy } from './trust-proxy';

describe('parseTrustProxy (GMDB_TRUST_PROXY)', () => {
  it('is off when empty or false, a hop count for a number, else a list', () => {
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy(' false ')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('loopback, 10.0.0.0/8,fd00::/8, 192.168.1.7')).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '192.168.1.7']);
  });

  it('refuses `true`, hop counts out of range, and anything that is not an address, subnet or known name', () => {
    for (const bad of ['true', '0', '11', '10.0.0.0/33', '10.0.0/8', 'ingress.local', '1.2.3.4/8/1', 'loopback,*']) {
      expect(parseTrustProxy(bad)).toEqual({ error: expect.any(String) });
    }
  });

  it('the config field refuses such a value with a message that says what is expected, and treats empty as unset', () => {
    const field = httpConfigFields.GMDB_TRUST_PROXY;
    const refused = field.safeParse('true');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/^must be empty, a hop count, or a comma list/);
    expect(field.safeParse('').data).toBeUndefined();
    expect(field.safeParse('2').data).toBe('2');
  });
});
