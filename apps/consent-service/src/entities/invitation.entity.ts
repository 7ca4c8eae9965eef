import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An invitation to sign online. Only the SHA-256 of its token is stored; the link is shown once. */
@Entity({ name: 'consent_invitations' })
export class InvitationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 64 })
  caseId!: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 8 })
  language!: string;

  @Column({ name: 'template_version', type: 'varchar', length: 20 })
  templateVersion!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 191 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt!: Date | null;

  @Column({ name: 'consent_id', type: 'varchar', length: 36, nullable: true })
  consentId!: string | null;
}
