import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CaseEntity } from './case.entity';

/** An HPO term of a case, present or explicitly excluded. */
@Entity({ name: 'case_phenotypes' })
export class CasePhenotypeEntity {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 36 })
  caseId!: string;

  @PrimaryColumn({ type: 'integer' })
  position!: number;

  @Index('IDX_case_phenotypes_hpo')
  @Column({ name: 'hpo_id', type: 'varchar', length: 16 })
  hpoId!: string;

  @Column({ type: 'boolean' })
  excluded!: boolean;

  @ManyToOne(() => CaseEntity, (c) => c.phenotypes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<CaseEntity>;
}
