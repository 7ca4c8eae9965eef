import { randomUUID } from 'node:crypto';
import type { DataSource, FindOptionsWhere, Repository } from 'typeorm';
import { DomainError, ErrorCode, Principal } from '@gmdb/domain';
import { OpaqueCredentialEntity, OpaqueCredentialKind } from './opaque-credential.entity';
import { generateOpaqueToken, hashOpaqueSecret, opaqueSecretMatches, parseOpaqueToken } from './opaque-credential.token';

export interface CreateOpaqueCredentialInput {
  kind: OpaqueCredentialKind;
  /** Institution id (API key) or researcher subject (researcher token). */
  ownerId: string;
  scopes: string[];
  releaseIds?: string[];
  label?: string;
  /** null: never expires. */
  expiresAt?: Date | null;
}

/** A credential as shown to its owner or an admin: never the secret or its hash. */
export interface OpaqueCredentialView {
  id: string;
  kind: OpaqueCredentialKind;
  ownerId: string;
  scopes: string[];
  releaseIds: string[];
  label: string | null;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export type OpaqueCredentialPrincipal = Extract<Principal, { kind: 'institution' | 'researcher-token' }>;

/** `lastUsedAt` is written at most this often per credential. */
const LAST_USED_GRANULARITY_MS = 60_000;

function toView(e: OpaqueCredentialEntity): OpaqueCredentialView {
  return {
    id: e.id,
    kind: e.kind,
    ownerId: e.ownerId,
    scopes: [...e.scopes],
    releaseIds: [...e.releaseIds],
    label: e.label,
    prefix: e.prefix,
    createdAt: e.createdAt,
    expiresAt: e.expiresAt,
    revokedAt: e.revokedAt,
    lastUsedAt: e.lastUsedAt,
  };
}

function toPrincipal(e: OpaqueCredentialEntity): OpaqueCredentialPrincipal {
  return e.kind === 'institution-api-key'
    ? { kind: 'institution', institutionId: e.ownerId, keyId: e.id, scopes: [...e.scopes] }
    : { kind: 'researcher-token', subject: e.ownerId, tokenId: e.id, scopes: [...e.scopes], releaseIds: [...e.releaseIds] };
}

/**
 * Institution API keys and researcher tokens: opaque, shown once, stored as a hash, scoped,
 * expiring and revocable. Used by the auth strategies, the owning service's admin API and the CLI.
 */
export class OpaqueCredentialService {
  private readonly repository: Repository<OpaqueCredentialEntity>;

  constructor(dataSource: DataSource, private readonly now: () => Date = () => new Date()) {
    this.repository = dataSource.getRepository(OpaqueCredentialEntity);
  }

  /** Creates a credential; the plaintext `token` is returned here and never again. */
  async create(input: CreateOpaqueCredentialInput): Promise<{ token: string; credential: OpaqueCredentialView }> {
    if (!input.ownerId) throw DomainError.validation([{ path: 'ownerId', code: 'REQUIRED', message: 'is required' }]);
    const generated = generateOpaqueToken(input.kind);
    const entity = this.repository.create({
      id: randomUUID(),
      kind: input.kind,
      ownerId: input.ownerId,
      scopes: [...new Set(input.scopes)],
      releaseIds: [...new Set(input.releaseIds ?? [])],
      label: input.label ?? null,
      prefix: generated.prefix,
      secretHash: hashOpaqueSecret(generated.secret),
      createdAt: this.now(),
      expiresAt: input.expiresAt ?? null,
      revokedAt: null,
      lastUsedAt: null,
    });
    await this.repository.insert(entity);
    return { token: generated.token, credential: toView(entity) };
  }

  /**
   * The principal a presented token stands for. Throws `DomainError` API_KEY_INVALID (malformed,
   * unknown, wrong secret or wrong kind), API_KEY_REVOKED or API_KEY_EXPIRED.
   */
  async verify(token: string, expectedKind?: OpaqueCredentialKind): Promise<OpaqueCredentialPrincipal> {
    const parsed = parseOpaqueToken(token.trim());
    const invalid = new DomainError(ErrorCode.API_KEY_INVALID, 'The API key or token is not valid');
    if (!parsed || (expectedKind && parsed.kind !== expectedKind)) throw invalid;
    const entity = await this.repository.findOneBy({ prefix: parsed.prefix });
    if (!entity || entity.kind !== parsed.kind || !opaqueSecretMatches(parsed.secret, entity.secretHash)) throw invalid;
    const now = this.now();
    if (entity.revokedAt) throw new DomainError(ErrorCode.API_KEY_REVOKED, 'The API key or token has been revoked');
    if (entity.expiresAt && entity.expiresAt.getTime() <= now.getTime()) {
      throw new DomainError(ErrorCode.API_KEY_EXPIRED, 'The API key or token has expired');
    }
    if (!entity.lastUsedAt || now.getTime() - entity.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS) {
      await this.repository.update({ id: entity.id }, { lastUsedAt: now });
    }
    return toPrincipal(entity);
  }

  /** Revokes a credential (idempotent: the first revocation time is kept). */
  async revoke(id: string): Promise<OpaqueCredentialView> {
    const entity = await this.repository.findOneBy({ id });
    if (!entity) throw new DomainError(ErrorCode.NOT_FOUND, 'No API key or token with this id');
    if (!entity.revokedAt) {
      entity.revokedAt = this.now();
      await this.repository.update({ id }, { revokedAt: entity.revokedAt });
    }
    return toView(entity);
  }

  async get(id: string): Promise<OpaqueCredentialView | undefined> {
    const entity = await this.repository.findOneBy({ id });
    return entity ? toView(entity) : undefined;
  }

  /** Credentials, newest first; never their secrets. */
  async list(filter: { ownerId?: string; kind?: OpaqueCredentialKind } = {}): Promise<OpaqueCredentialView[]> {
    const where: FindOptionsWhere<OpaqueCredentialEntity> = {};
    if (filter.ownerId) where.ownerId = filter.ownerId;
    if (filter.kind) where.kind = filter.kind;
    const rows = await this.repository.find({ where, order: { createdAt: 'DESC', id: 'ASC' } });
    return rows.map(toView);
  }
}
