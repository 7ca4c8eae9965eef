import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A case as case-service registered it (`case.registered`): who may become its consent steward.
 * Written once per case by the event's handler; read when a clinician invites or records a paper
 * consent for a case consent-service has no record of yet.
 */
@Entity({ name: 'consent_case_registrations' })
export class CaseRegistrationEntity {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 64 })
  caseId!: string;

  @Column({ name: 'institution_id', type: 'varchar', length: 191 })
  institutionId!: string;

  /** JWT subjects of the case's clinician members (empty for a case a hospital system pushed). */
  @Column({ type: 'simple-json' })
  clinicians!: string[];

  @Column({ name: 'registered_at', type: 'datetime', precision: 3 })
  registeredAt!: Date;
}
