import { forwardedFor } from './forwarding-data-source';

describe('forwardedFor (X-Forwarded-For the gateway sends to the subgraphs)', () => {
  it('appends the address the gateway saw to the chain it was given', () => {
    expect(forwardedFor({ headers: {}, socket: { remoteAddress: '10.1.2.3' } })).toBe('10.1.2.3');
    expect(forwardedFor({ headers: { 'x-forwarded-for': '198.51.100.4' }, socket: { remoteAddress: '10.1.2.3' } })).toBe('198.51.100.4, 10.1.2.3');
    expect(forwardedFor({ headers: { 'x-forwarded-for': ['203.0.113.9', '198.51.100.4'] }, socket: { remoteAddress: '::1' } })).toBe('203.0.113.9, 198.51.100.4, ::1');
  });

  it('passes the chain on when the peer is unknown, and sends nothing when there is neither', () => {
    expect(forwardedFor({ headers: { 'x-forwarded-for': ' 198.51.100.4 ' } })).toBe('198.51.100.4');
    expect(forwardedFor({ headers: {} })).toBeUndefined();
  });
});
