import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One version of a case's consent. Rows are only ever inserted (a change or withdrawal is a new
 * version); the only later write is `announced_at`, when its `consent.changed` was put in the outbox.
 */
@Entity({ name: 'consent_versions' })
@Index('UQ_consent_versions_case_version', ['caseId', 'version'], { unique: true })
export class ConsentVersionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 64 })
  caseId!: string;

  /** The case's consent this version belongs to (ConsentCaseEntity.seriesId). */
  @Column({ name: 'series_id', type: 'varchar', length: 36 })
  seriesId!: string;

  @Column({ type: 'integer' })
  version!: number;

  /** active | withdrawn | rejected */
  @Column({ type: 'varchar', length: 16 })
  state!: string;

  /** signed | paper | changed | withdrawn */
  @Column({ type: 'varchar', length: 16 })
  kind!: string;

  /** online | paper */
  @Column({ type: 'varchar', length: 16 })
  method!: string;

  @Column({ name: 'template_version', type: 'varchar', length: 20 })
  templateVersion!: string;

  @Column({ type: 'varchar', length: 8 })
  language!: string;

  /** ConsentChoices as JSON. */
  @Column({ type: 'text' })
  choices!: string;

  @Column({ name: 'signer_name', type: 'varchar', length: 200, nullable: true })
  signerName!: string | null;

  @Column({ name: 'signer_relation', type: 'varchar', length: 20, nullable: true })
  signerRelation!: string | null;

  @Column({ name: 'signed_at', type: 'datetime', precision: 3, nullable: true })
  signedAt!: Date | null;

  @Column({ name: 'has_signature_image', type: 'boolean', default: false })
  hasSignatureImage!: boolean;

  @Column({ name: 'scan_key', type: 'varchar', length: 300, nullable: true })
  scanKey!: string | null;

  @Column({ name: 'scan_content_type', type: 'varchar', length: 100, nullable: true })
  scanContentType!: string | null;

  @Column({ name: 'scan_sha256', type: 'varchar', length: 64, nullable: true })
  scanSha256!: string | null;

  @Column({ name: 'scan_size', type: 'integer', nullable: true })
  scanSize!: number | null;

  @Column({ name: 'effective_from', type: 'datetime', precision: 3 })
  effectiveFrom!: Date;

  @Column({ name: 'withdrawn_at', type: 'datetime', precision: 3, nullable: true })
  withdrawnAt!: Date | null;

  @Column({ name: 'withdrawal_reason', type: 'varchar', length: 2000, nullable: true })
  withdrawalReason!: string | null;

  /** private | fair | withdrawn, as accessLevelFor decided at write time. */
  @Column({ name: 'access_level', type: 'varchar', length: 16 })
  accessLevel!: string;

  @Column({ name: 'responsible_clinician', type: 'varchar', length: 191 })
  responsibleClinician!: string;

  @Column({ name: 'institution_id', type: 'varchar', length: 191, nullable: true })
  institutionId!: string | null;

  /** Subject of whoever recorded it (patient account, clinician, admin). */
  @Column({ name: 'recorded_by', type: 'varchar', length: 191 })
  recordedBy!: string;

  @Column({ name: 'invitation_id', type: 'varchar', length: 36, nullable: true })
  invitationId!: string | null;

  @Column({ name: 'announced_at', type: 'datetime', precision: 3, nullable: true })
  announcedAt!: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
