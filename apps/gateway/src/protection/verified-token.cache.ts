/**
 * Tokens the gateway has already verified, until they expire (at most `maxAgeMs`): a JWT that
 * passed signature, issuer, audience and expiry checks stays valid until its `exp`, so checking
 * it again on every request of a session only costs CPU. Bounded: the oldest entry goes first.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, { subject: string; validUntil: number }>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly maxAgeMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The subject of a token verified earlier and still valid, else undefined. */
  get(token: string): string | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.validUntil <= this.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.subject;
  }

  /** Remembers a verified token until `expiresAt` (ms since epoch) or `maxAgeMs`, whichever is sooner. */
  set(token: string, subject: string, expiresAt: number | undefined): void {
    const validUntil = Math.min(expiresAt ?? Number.POSITIVE_INFINITY, this.now() + this.maxAgeMs);
    if (validUntil <= this.now()) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { subject, validUntil });
  }
}
