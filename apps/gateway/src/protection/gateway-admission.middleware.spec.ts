import type { JwtVerifier } from '@gmdb/platform';
import type { NextFunction, Request, Response } from 'express';
import { GatewayAdmissionMiddleware } from './gateway-admission.middleware';
import { MemoryRateLimiter, type RateLimiter } from './rate-limiter';

/** The parts of an Express response the middleware writes. */
function fakeResponse() {
  const sent: { status: number; headers: Record<string, string>; body?: unknown } = { status: 200, headers: {} };
  const res = {
    status(code: number) {
      sent.status = code;
      return res;
    },
    setHeader(name: string, value: string) {
      sent.headers[name.toLowerCase()] = value;
      return res;
    },
    json(body: unknown) {
      sent.body = body;
      return res;
    },
  };
  return { res: res as unknown as Response, sent };
}

const anonymous = { headers: {}, ip: '10.1.2.3', socket: {} } as unknown as Request;
const noVerifier = {} as JwtVerifier;

describe('GatewayAdmissionMiddleware', () => {
  it('counts an anonymous caller by address and answers 429 with RATE_LIMITED past the limit', async () => {
    const middleware = new GatewayAdmissionMiddleware(noVerifier, new MemoryRateLimiter({ limit: 1, windowSeconds: 30 }));
    const next = jest.fn() as jest.Mock & NextFunction;
    const first = fakeResponse();
    await middleware.use(anonymous, first.res, next);
    expect(next).toHaveBeenCalledTimes(1);
    expect(first.sent.headers).toMatchObject({ 'ratelimit-remaining': '0', 'ratelimit-reset': '30' });
    const second = fakeResponse();
    await middleware.use(anonymous, second.res, next);
    expect(next).toHaveBeenCalledTimes(1);
    expect(second.sent).toMatchObject({ status: 429, headers: { 'retry-after': '30' }, body: { errors: [{ extensions: { code: 'RATE_LIMITED' } }] } });
  });

  it('answers 503 SERVICE_UNAVAILABLE (never admits uncounted, never a 500) when the shared counter is unreachable', async () => {
    const broken: RateLimiter = { hit: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')), close: async () => undefined };
    const middleware = new GatewayAdmissionMiddleware(noVerifier, broken);
    const next = jest.fn() as jest.Mock & NextFunction;
    const { res, sent } = fakeResponse();
    await middleware.use(anonymous, res, next);
    expect(next).not.toHaveBeenCalled();
    expect(sent).toMatchObject({ status: 503, headers: { 'retry-after': '5' }, body: { errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] } });
    expect(JSON.stringify(sent.body)).not.toContain('ECONNREFUSED');
  });
});
