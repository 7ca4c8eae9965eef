import { hashInvitationToken, isWellFormedInvitationToken, newInvitationToken } from './invitation-token';

describe('invitation tokens', () => {
  it('are random, well formed, and stored only as a SHA-256', () => {
    const a = newInvitationToken();
    const b = newInvitationToken();
    expect(a).not.toBe(b);
    expect(isWellFormedInvitationToken(a)).toBe(true);
    expect(hashInvitationToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInvitationToken(a)).not.toContain(a.slice(8));
  });

  it('refuses anything else before a lookup', () => {
    for (const forged of ['', 'gmdb_ci_short', `gmdb_ak_${'A'.repeat(43)}`, `gmdb_ci_${'A'.repeat(42)}!`]) {
      expect(isWellFormedInvitationToken(forged)).toBe(false);
    }
  });
});
