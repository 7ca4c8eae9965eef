import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CaseEntity } from './case.entity';

/** A disease gene of a case (HGNC symbol and id). */
@Entity({ name: 'case_genes' })
export class CaseGeneEntity {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 36 })
  caseId!: string;

  @PrimaryColumn({ type: 'integer' })
  position!: number;

  @Index('IDX_case_genes_symbol')
  @Column({ type: 'varchar', length: 64 })
  symbol!: string;

  @Column({ name: 'hgnc_id', type: 'varchar', length: 32 })
  hgncId!: string;

  @ManyToOne(() => CaseEntity, (c) => c.genes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<CaseEntity>;
}
