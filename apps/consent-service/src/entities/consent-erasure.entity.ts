import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The erasure of a case's photos that a withdrawal (or refusal) scheduled. `scheduled` until
 * `due_at`; the erasure sweep then writes `erase-case-photos` to the outbox and marks it `queued`.
 * A new valid consent before that cancels it (`cancelled`).
 */
@Entity({ name: 'consent_erasures' })
export class ConsentErasureEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 64 })
  caseId!: string;

  /** The withdrawn (or rejected) consent version that caused it; one erasure per version. */
  @Column({ name: 'consent_id', type: 'varchar', length: 36 })
  consentId!: string;

  /** The case's consent (the `consentId` of `erase-case-photos`). */
  @Column({ name: 'series_id', type: 'varchar', length: 36 })
  seriesId!: string;

  @Column({ name: 'due_at', type: 'datetime', precision: 3 })
  dueAt!: Date;

  /** scheduled | queued | cancelled */
  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'queued_at', type: 'datetime', precision: 3, nullable: true })
  queuedAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'datetime', precision: 3, nullable: true })
  cancelledAt!: Date | null;
}
