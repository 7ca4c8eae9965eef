import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One line of the append-only audit trail: who did what to which consent, when, from where. */
@Entity({ name: 'consent_audit_events' })
export class ConsentAuditEventEntity {
  /** BIGINT on MySQL, INTEGER on SQLite (see the migration). */
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'case_id', type: 'varchar', length: 64 })
  caseId!: string;

  @Column({ name: 'consent_id', type: 'varchar', length: 36, nullable: true })
  consentId!: string | null;

  @Column({ type: 'varchar', length: 40 })
  action!: string;

  /** patient | clinician | admin | signer (the invitation link) | system */
  @Column({ name: 'actor_kind', type: 'varchar', length: 20 })
  actorKind!: string;

  @Column({ name: 'actor_subject', type: 'varchar', length: 191, nullable: true })
  actorSubject!: string | null;

  @Column({ name: 'actor_roles', type: 'varchar', length: 200 })
  actorRoles!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 300, nullable: true })
  userAgent!: string | null;

  @Column({ name: 'correlation_id', type: 'varchar', length: 128, nullable: true })
  correlationId!: string | null;

  /** Small JSON object (versions, due times); never a signature or a token. */
  @Column({ type: 'text', nullable: true })
  details!: string | null;

  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 })
  occurredAt!: Date;
}
