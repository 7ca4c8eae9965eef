import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CaseEntity } from './case.entity';

/** How a person relates to a case, for the access policy. */
export type CaseMemberRole = 'clinician' | 'patient';

/** A responsible clinician or a patient (guardian) account of a case, by JWT subject. */
@Entity({ name: 'case_members' })
export class CaseMemberEntity {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 36 })
  caseId!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  role!: CaseMemberRole;

  @Index('IDX_case_members_subject')
  @PrimaryColumn({ type: 'varchar', length: 191 })
  subject!: string;

  @ManyToOne(() => CaseEntity, (c) => c.members, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<CaseEntity>;
}
