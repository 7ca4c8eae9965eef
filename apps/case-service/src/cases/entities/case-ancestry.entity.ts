import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CaseEntity } from './case.entity';

/** One ancestry line of a case (several for mixed ancestry). */
@Entity({ name: 'case_ancestries' })
export class CaseAncestryEntity {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 36 })
  caseId!: string;

  @PrimaryColumn({ type: 'integer' })
  position!: number;

  /** The ancestry group key (`european`). */
  @Index('IDX_case_ancestries_group')
  @Column({ name: 'ancestry_group', type: 'varchar', length: 64 })
  group!: string;

  @Column({ name: 'hancestro_id', type: 'varchar', length: 32 })
  hancestroId!: string;

  /** ISO 3166-1 alpha-2 codes. */
  @Column({ type: 'simple-json' })
  countries!: string[];

  @ManyToOne(() => CaseEntity, (c) => c.ancestries, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<CaseEntity>;
}
