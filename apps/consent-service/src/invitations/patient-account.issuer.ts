import { Injectable } from '@nestjs/common';
import { Role } from '@gmdb/domain';
import { DevTokenIssuer, InjectConfig } from '@gmdb/platform';
import type { ConsentServiceConfig } from '../config/consent-service.config';

/** The account a signer gets: a subject bound to one case, and (with HS256) a token for it. */
export interface PatientAccountToken {
  subject: string;
  /** A bearer JWT (role patient, `case_ids` = [caseId]); null where the identity provider issues accounts. */
  token: string | null;
  expiresAt: string | null;
}

/**
 * Mints the patient account token with the service's HS256 secret (AUTH_JWT_SECRET). With
 * AUTH_JWKS_URL (production, an OIDC provider such as Keycloak) this service cannot sign
 * tokens: the account must be created in the provider instead (a user with role `patient` and
 * the attribute mapped to the `case_ids` claim), and the answer carries no token.
 */
@Injectable()
export class PatientAccountIssuer {
  private readonly issuer: DevTokenIssuer;

  constructor(@InjectConfig() private readonly config: ConsentServiceConfig) {
    this.issuer = DevTokenIssuer.fromConfig(config);
  }

  async issue(subject: string, caseId: string): Promise<PatientAccountToken> {
    if (!this.issuer.canIssue) return { subject, token: null, expiresAt: null };
    const hours = this.config.CONSENT_PATIENT_TOKEN_TTL_HOURS;
    const token = await this.issuer.issue({ subject, roles: [Role.Patient], caseIds: [caseId], expiresIn: `${hours}h` });
    return { subject, token, expiresAt: new Date(Date.now() + hours * 3600_000).toISOString() };
  }
}
