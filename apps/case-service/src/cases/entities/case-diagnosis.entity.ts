import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CaseEntity } from './case.entity';

/** A diagnosed disorder of a case (OMIM, MONDO or Orphanet id). */
@Entity({ name: 'case_diagnoses' })
export class CaseDiagnosisEntity {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 36 })
  caseId!: string;

  @PrimaryColumn({ type: 'integer' })
  position!: number;

  @Index('IDX_case_diagnoses_disorder')
  @Column({ name: 'disorder_id', type: 'varchar', length: 64 })
  disorderId!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  label!: string | null;

  @ManyToOne(() => CaseEntity, (c) => c.diagnoses, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<CaseEntity>;
}
