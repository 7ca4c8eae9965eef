import { Injectable } from '@nestjs/common';
import { ANONYMOUS, type Principal } from '@gmdb/domain';
import { JwtVerifier, type PrincipalRequest, presentedCredential } from '@gmdb/platform';

/**
 * The caller in a federation field resolver. The global guard does not run for fields of an
 * entity the gateway fetches through `_entities`, so the bearer token is verified here (once
 * per request); only signed-in users can see consent, so other credentials count as anonymous.
 */
@Injectable()
export class GraphqlPrincipal {
  constructor(private readonly verifier: JwtVerifier) {}

  async of(req: PrincipalRequest | undefined): Promise<Principal> {
    if (!req) return ANONYMOUS;
    if (req.user) return req.user;
    const credential = presentedCredential(req);
    const principal = credential.kind === 'jwt' ? await this.verifier.verify(credential.token) : ANONYMOUS;
    req.user = principal;
    return principal;
  }
}
