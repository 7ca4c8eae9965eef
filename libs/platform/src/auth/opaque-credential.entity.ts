import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What an opaque credential is for. */
export type OpaqueCredentialKind = 'institution-api-key' | 'researcher-token';

export const OPAQUE_CREDENTIALS_TABLE = 'gmdb_opaque_credentials';

/**
 * An institution API key or a researcher token. Only the SHA-256 of the secret part is stored;
 * the plaintext is shown once, at creation. `prefix` is the public lookup part of the token.
 */
@Entity({ name: OPAQUE_CREDENTIALS_TABLE })
export class OpaqueCredentialEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: OpaqueCredentialKind;

  /** The institution id (API keys) or the researcher's subject (researcher tokens). */
  @Index('IDX_gmdb_opaque_credentials_owner')
  @Column({ name: 'owner_id', type: 'varchar', length: 191 })
  ownerId!: string;

  @Column({ type: 'simple-json' })
  scopes!: string[];

  @Column({ name: 'release_ids', type: 'simple-json' })
  releaseIds!: string[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  label!: string | null;

  @Index('UQ_gmdb_opaque_credentials_prefix', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  prefix!: string;

  /** Hex SHA-256 of the secret part. */
  @Column({ name: 'secret_hash', type: 'varchar', length: 64 })
  secretHash!: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'datetime', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'datetime', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'last_used_at', type: 'datetime', nullable: true })
  lastUsedAt!: Date | null;
}
