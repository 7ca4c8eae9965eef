import { SignJWT } from 'jose';
import { Role } from '@gmdb/domain';
import { writeClaimPath } from './claim-path';
import type { JwtAuthConfig } from './jwt-verifier';

export interface DevTokenRequest {
  subject: string;
  roles: Role[];
  institutionId?: string;
  caseIds?: string[];
  /** jose duration (`'1h'`, `'15m'`) or seconds; default `'8h'`. */
  expiresIn?: string | number;
}

export interface DevTokenIssuerOptions {
  secret?: string;
  issuer?: string;
  audience?: string;
  rolesClaim?: string;
  institutionClaim?: string;
  caseIdsClaim?: string;
}

/**
 * Mints HS256 user JWTs that `JwtVerifier` accepts: for `gmdb token` in standalone mode and for
 * tests. Refuses to work without a secret (with a JWKS, tokens come from the identity provider).
 */
export class DevTokenIssuer {
  constructor(private readonly options: DevTokenIssuerOptions) {}

  static fromConfig(config: JwtAuthConfig): DevTokenIssuer {
    return new DevTokenIssuer({
      secret: config.AUTH_JWT_SECRET,
      issuer: config.AUTH_JWT_ISSUER,
      audience: config.AUTH_JWT_AUDIENCE,
      rolesClaim: config.AUTH_ROLES_CLAIM,
      institutionClaim: config.AUTH_INSTITUTION_CLAIM,
    });
  }

  get canIssue(): boolean {
    return Boolean(this.options.secret);
  }

  async issue(request: DevTokenRequest): Promise<string> {
    const { secret } = this.options;
    if (!secret) {
      throw new Error('Development tokens need AUTH_JWT_SECRET (HS256); with AUTH_JWKS_URL, tokens come from the identity provider');
    }
    if (!request.subject) throw new Error('A development token needs a subject');
    const claims: Record<string, unknown> = {};
    writeClaimPath(claims, this.options.rolesClaim ?? 'roles', [...request.roles]);
    if (request.institutionId) writeClaimPath(claims, this.options.institutionClaim ?? 'institution', request.institutionId);
    if (request.caseIds?.length) writeClaimPath(claims, this.options.caseIdsClaim ?? 'case_ids', [...request.caseIds]);
    let jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(request.subject)
      .setIssuedAt()
      .setExpirationTime(request.expiresIn ?? '8h');
    if (this.options.issuer) jwt = jwt.setIssuer(this.options.issuer);
    if (this.options.audience) jwt = jwt.setAudience(this.options.audience);
    return jwt.sign(new TextEncoder().encode(secret));
  }
}
