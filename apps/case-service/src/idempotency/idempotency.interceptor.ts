import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { DomainError, ErrorCode, type Principal } from '@gmdb/domain';
import type { Request, Response } from 'express';
import { type Observable, catchError, from, mergeMap, of } from 'rxjs';
import { IdempotencyService } from './idempotency.service';
import { isValidIdempotencyKey, requestHash } from './request-hash';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** Whose key it is: keys of different callers never collide. */
export function idempotencyScope(principal: Principal | undefined): string | null {
  switch (principal?.kind) {
    case 'institution':
      return `institution:${principal.institutionId}`;
    case 'user':
      return `user:${principal.subject}`;
    case 'researcher-token':
      return `researcher:${principal.subject}`;
    default:
      return null;
  }
}

/**
 * `Idempotency-Key` on POST routes (`@UseInterceptors(IdempotencyInterceptor)`): the first
 * request with a key runs and its answer (status and JSON body) is stored; a retry with the same
 * key and body gets that answer again (header `Idempotent-Replayed: true`); the same key with
 * another body is IDEMPOTENCY_KEY_REUSED. A failed first request stores nothing. Runs after the
 * auth guard and before validation.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly idempotency: IdempotencyService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request & { user?: Principal }>();
    const res = http.getResponse<Response>();
    const key = req.header(IDEMPOTENCY_HEADER);
    const scope = idempotencyScope(req.user);
    if (req.method !== 'POST' || key === undefined || scope === null) return next.handle();
    if (!isValidIdempotencyKey(key)) {
      throw new DomainError(ErrorCode.BAD_REQUEST, 'Idempotency-Key must be 1 to 200 visible ASCII characters');
    }
    const hash = requestHash(req.method, req.originalUrl, req.body);
    return from(this.idempotency.begin(scope, key, hash)).pipe(
      mergeMap((start) => {
        if (start.kind === 'replay') {
          res.status(start.statusCode);
          res.setHeader('idempotent-replayed', 'true');
          return of(start.body);
        }
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            await this.idempotency.complete(scope, key, res.statusCode, body);
            return body;
          }),
          catchError(async (error: unknown) => {
            await this.idempotency.abandon(scope, key);
            throw error;
          }),
        );
      }),
    );
  }
}
