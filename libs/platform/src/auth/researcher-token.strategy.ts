import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import { DomainError, ErrorCode } from '@gmdb/domain';
import { RESEARCHER_TOKEN_STRATEGY } from './auth.constants';
import { OpaqueCredentialPrincipal, OpaqueCredentialService } from './opaque-credential.service';
import { presentedCredential } from './presented-credential';

/** `Authorization: Bearer gmdb_rt_...`: an approved researcher's scoped, expiring token. */
@Injectable()
export class ResearcherTokenStrategy extends PassportStrategy(Strategy, RESEARCHER_TOKEN_STRATEGY) {
  constructor(private readonly credentials: OpaqueCredentialService) {
    super();
  }

  async validate(req: Request): Promise<OpaqueCredentialPrincipal> {
    const credential = presentedCredential(req);
    if (credential.kind !== 'researcher-token') throw new DomainError(ErrorCode.UNAUTHENTICATED, 'A researcher token is required');
    return this.credentials.verify(credential.token, 'researcher-token');
  }
}
