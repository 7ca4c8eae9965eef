import { DomainError, ErrorCode } from '@gmdb/domain';
import { JwtVerifier, RequestContext, presentedCredential } from '@gmdb/platform';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { RATE_LIMITER } from './protection.constants';
import type { RateDecision, RateLimiter } from './rate-limiter';
import { VerifiedTokenCache } from './verified-token.cache';

/** The first characters of an opaque key identify it (its public prefix) without its secret. */
const KEY_ID_LENGTH = 24;

function graphQLErrorBody(code: string, message: string) {
  const correlationId = RequestContext.correlationId();
  return { errors: [{ message, extensions: { code, ...(correlationId ? { correlationId } : {}) } }] };
}

/**
 * In front of /graphql: verifies a user's JWT once (a bad token is answered here, before any
 * subgraph is asked; the subgraphs verify the forwarded token again, so one called directly
 * cannot be fooled), then counts the request against the caller's rate limit.
 */
/** `exp` (ms) of a JWT whose signature was just verified, read from its payload. */
function expiryOf(token: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

@Injectable()
export class GatewayAdmissionMiddleware implements NestMiddleware {
  private readonly verified = new VerifiedTokenCache();

  constructor(
    private readonly verifier: JwtVerifier,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
  ) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    let callerKey: string;
    const credential = presentedCredential(req);
    switch (credential.kind) {
      case 'jwt':
        try {
          callerKey = `user:${await this.subjectOf(credential.token)}`;
        } catch (e) {
          const code = e instanceof DomainError ? e.code : ErrorCode.TOKEN_INVALID;
          const status = code === ErrorCode.SERVICE_UNAVAILABLE ? 503 : 401;
          res.status(status).setHeader('www-authenticate', 'Bearer error="invalid_token"');
          res.json(graphQLErrorBody(code, e instanceof Error ? e.message : 'The token is not valid'));
          return;
        }
        break;
      case 'api-key':
        callerKey = `key:${credential.key.slice(0, KEY_ID_LENGTH)}`;
        break;
      case 'researcher-token':
        callerKey = `key:${credential.token.slice(0, KEY_ID_LENGTH)}`;
        break;
      default:
        callerKey = `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
    }
    let decision: RateDecision;
    try {
      decision = await this.limiter.hit(callerKey);
    } catch {
      // The shared counter (Redis) cannot be reached: refuse for now rather than admit uncounted.
      res.status(503).setHeader('retry-after', '5');
      res.json(graphQLErrorBody(ErrorCode.SERVICE_UNAVAILABLE, 'The rate limiter is not reachable; try again shortly'));
      return;
    }
    res.setHeader('ratelimit-remaining', String(decision.remaining));
    res.setHeader('ratelimit-reset', String(decision.resetSeconds));
    if (!decision.allowed) {
      res.status(429).setHeader('retry-after', String(decision.resetSeconds));
      res.json(graphQLErrorBody(ErrorCode.RATE_LIMITED, `Too many requests; try again in ${decision.resetSeconds} s`));
      return;
    }
    next();
  }

  /** Verifies a user's JWT, or answers from the tokens verified before (until their expiry). */
  private async subjectOf(token: string): Promise<string> {
    const known = this.verified.get(token);
    if (known !== undefined) return known;
    const { subject } = await this.verifier.verify(token);
    this.verified.set(token, subject, expiryOf(token));
    return subject;
  }
}
