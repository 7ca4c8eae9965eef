import { Column, Entity, PrimaryColumn } from 'typeorm';

export const GALLERY_CASES_TABLE = 'worker_gallery_cases';

/**
 * What the last case.gallery-changed said about a case, kept so that a photo encoded after the
 * event gets the case's access level and labels.
 */
@Entity({ name: GALLERY_CASES_TABLE })
export class GalleryCaseEntity {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 200 })
  caseId!: string;

  @Column({ name: 'access_level', type: 'varchar', length: 16 })
  accessLevel!: 'private' | 'fair' | 'withdrawn';

  /** JSON array of disorder ids. */
  @Column({ name: 'disorder_ids', type: 'text' })
  disorderIds!: string;

  /** JSON array of gene symbols. */
  @Column({ name: 'gene_symbols', type: 'text' })
  geneSymbols!: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
