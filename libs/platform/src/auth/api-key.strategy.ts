import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import { DomainError, ErrorCode } from '@gmdb/domain';
import { API_KEY_STRATEGY } from './auth.constants';
import { OpaqueCredentialPrincipal, OpaqueCredentialService } from './opaque-credential.service';
import { presentedCredential } from './presented-credential';

/** `Authorization: ApiKey <key>` or `X-API-Key: <key>`: an institution. */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(Strategy, API_KEY_STRATEGY) {
  constructor(private readonly credentials: OpaqueCredentialService) {
    super();
  }

  async validate(req: Request): Promise<OpaqueCredentialPrincipal> {
    const credential = presentedCredential(req);
    if (credential.kind !== 'api-key') throw new DomainError(ErrorCode.UNAUTHENTICATED, 'An API key is required');
    return this.credentials.verify(credential.key, 'institution-api-key');
  }
}
