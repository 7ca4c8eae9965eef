import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import { DomainError, ErrorCode } from '@gmdb/domain';
import { JWT_STRATEGY } from './auth.constants';
import { JwtVerifier, UserPrincipal } from './jwt-verifier';
import { presentedCredential } from './presented-credential';

/** `Authorization: Bearer <jwt>`: a user, verified by `JwtVerifier`. */
@Injectable()
export class JwtBearerStrategy extends PassportStrategy(Strategy, JWT_STRATEGY) {
  constructor(private readonly verifier: JwtVerifier) {
    super();
  }

  async validate(req: Request): Promise<UserPrincipal> {
    const credential = presentedCredential(req);
    if (credential.kind !== 'jwt') throw new DomainError(ErrorCode.UNAUTHENTICATED, 'A bearer token is required');
    return this.verifier.verify(credential.token);
  }
}
