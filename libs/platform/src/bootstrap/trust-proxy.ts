import { isIP } from 'node:net';

/** Express's `trust proxy` value: off, a hop count, or the proxies' addresses, subnets and names. */
export type TrustProxySetting = false | number | string[];

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * GMDB_TRUST_PROXY: which proxies' X-Forwarded-For to believe, so that the client address (the
 * consent audit's "from where", the gateway's per-address rate limit) is the caller's and not the
 * ingress's. Empty or `false`: none (the socket's peer is the client); a number: that many hops
 * in front of the app; else a comma list of addresses, CIDR subnets or loopback / linklocal /
 * uniquelocal. Never `true` (believe anyone): a caller could then pick its own address.
 * Returns the setting, or an error message for a value that is none of these.
 */
export function parseTrustProxy(raw: string): TrustProxySetting | { error: string } {
  const value = raw.trim();
  if (value === '' || value === 'false') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops >= 1 && hops <= 10 ? hops : { error: 'a hop count must be between 1 and 10' };
  }
  const entries = value.split(',').map((e) => e.trim());
  for (const entry of entries) {
    if (NAMED.has(entry)) continue;
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 4 ? 32 : 128;
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (family === 0 || !bitsOk || extra !== undefined) {
      return { error: 'must be empty, a hop count, or a comma list of addresses, CIDR subnets, loopback, linklocal, uniquelocal' };
    }
  }
  return entries;
}

/** What is wrong with a GMDB_TRUST_PROXY value, or undefined (for the config schema). */
export function trustProxyProblem(raw: string): string | undefined {
  const parsed = parseTrustProxy(raw);
  return typeof parsed === 'object' && !Array.isArray(parsed) ? parsed.error : undefined;
}
