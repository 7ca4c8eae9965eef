import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { DomainError, ErrorCode, Principal, Role, isRole } from '@gmdb/domain';
import { readClaimPath } from './claim-path';

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

export interface JwtVerifierOptions {
  /** HS256 secret (standalone, tests). Exactly one of `secret` and `jwksUrl`. */
  secret?: string;
  /** JWKS endpoint of the identity provider (RS256/ES256/PS256/EdDSA tokens). */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** Claim name or dotted path of the roles (default `roles`; Keycloak: `realm_access.roles`). */
  rolesClaim?: string;
  /** Claim name or dotted path of the institution id (default `institution`). */
  institutionClaim?: string;
  /** Claim with the patient's own case ids (default `case_ids`). */
  caseIdsClaim?: string;
  /** Seconds of clock skew accepted on `exp`/`nbf` (default 30). */
  clockToleranceSec?: number;
  /** JWKS fetch timeout in ms (default 5000). */
  jwksTimeoutMs?: number;
}

/** The AUTH_* variables of the platform config. */
export interface JwtAuthConfig {
  AUTH_JWT_SECRET?: string;
  AUTH_JWKS_URL?: string;
  AUTH_JWT_ISSUER?: string;
  AUTH_JWT_AUDIENCE?: string;
  AUTH_ROLES_CLAIM: string;
  AUTH_INSTITUTION_CLAIM: string;
}

export function jwtOptionsFromConfig(config: JwtAuthConfig): JwtVerifierOptions {
  return {
    secret: config.AUTH_JWT_SECRET,
    jwksUrl: config.AUTH_JWKS_URL,
    issuer: config.AUTH_JWT_ISSUER,
    audience: config.AUTH_JWT_AUDIENCE,
    rolesClaim: config.AUTH_ROLES_CLAIM,
    institutionClaim: config.AUTH_INSTITUTION_CLAIM,
  };
}

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Verifies user JWTs and turns them into a `user` Principal. The signature (HS256 with the
 * secret, or a key of the JWKS), `exp` (required), `iss` and `aud` (when configured) are checked;
 * `alg: none` and algorithms of the other family are refused. Unknown roles are ignored.
 */
export class JwtVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly options: JwtVerifierOptions) {
    if (options.secret && options.jwksUrl) throw new Error('JwtVerifier: set either secret or jwksUrl, not both');
    if (options.secret) {
      this.key = new TextEncoder().encode(options.secret);
      this.algorithms = ['HS256'];
    } else if (options.jwksUrl) {
      this.key = createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: options.jwksTimeoutMs ?? 5000 });
      this.algorithms = ASYMMETRIC;
    } else {
      throw new Error('JwtVerifier: needs a secret (HS256) or a jwksUrl');
    }
  }

  static fromConfig(config: JwtAuthConfig): JwtVerifier {
    return new JwtVerifier(jwtOptionsFromConfig(config));
  }

  /** Throws `DomainError` TOKEN_EXPIRED / TOKEN_INVALID, or SERVICE_UNAVAILABLE when the JWKS is unreachable. */
  async verify(token: string): Promise<UserPrincipal> {
    let payload: JWTPayload;
    try {
      const result =
        this.key instanceof Uint8Array
          ? await jwtVerify(token, this.key, this.verifyOptions())
          : await jwtVerify(token, this.key, this.verifyOptions());
      payload = result.payload;
    } catch (e) {
      throw this.toDomainError(e);
    }
    return this.toPrincipal(payload);
  }

  private verifyOptions() {
    return {
      algorithms: this.algorithms,
      issuer: this.options.issuer,
      audience: this.options.audience,
      requiredClaims: ['exp', 'sub'],
      clockTolerance: this.options.clockToleranceSec ?? 30,
    };
  }

  private toDomainError(e: unknown): DomainError {
    if (e instanceof errors.JWTExpired) return new DomainError(ErrorCode.TOKEN_EXPIRED, 'The token has expired');
    if (e instanceof errors.JWKSTimeout || (!(e instanceof errors.JOSEError) && this.options.jwksUrl)) {
      return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The identity provider keys could not be fetched');
    }
    if (e instanceof errors.JWTClaimValidationFailed) {
      return new DomainError(ErrorCode.TOKEN_INVALID, `The token's ${e.claim} claim is not accepted`);
    }
    return new DomainError(ErrorCode.TOKEN_INVALID, 'The token is not valid');
  }

  private toPrincipal(payload: JWTPayload): UserPrincipal {
    const claims = payload as Record<string, unknown>;
    if (typeof payload.sub !== 'string' || payload.sub === '') {
      throw new DomainError(ErrorCode.TOKEN_INVALID, 'The token has no subject');
    }
    const roles = [...new Set(stringList(readClaimPath(claims, this.options.rolesClaim ?? 'roles')).filter(isRole))] as Role[];
    const institution = readClaimPath(claims, this.options.institutionClaim ?? 'institution');
    const caseIds = stringList(readClaimPath(claims, this.options.caseIdsClaim ?? 'case_ids'));
    return {
      kind: 'user',
      subject: payload.sub,
      roles,
      ...(typeof institution === 'string' && institution !== '' ? { institutionId: institution } : {}),
      ...(caseIds.length > 0 ? { caseIds } : {}),
    };
  }
}
