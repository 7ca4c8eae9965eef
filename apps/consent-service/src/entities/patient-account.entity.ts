import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The patient account an online signature created: one subject, bound to one case. */
@Entity({ name: 'consent_patient_accounts' })
export class PatientAccountEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  subject!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 64 })
  caseId!: string;

  @Column({ name: 'invitation_id', type: 'varchar', length: 36 })
  invitationId!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
