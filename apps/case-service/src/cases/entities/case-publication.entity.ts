import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { StoredContact } from './case.entity';

export const CASE_PUBLICATIONS_TABLE = 'case_publications';

/**
 * A publication cases were curated from: one row per DOI / PubMed id, shared by every case of
 * the paper. Title, abstract and citation of a micro-publication belong to doi-service.
 */
@Entity({ name: CASE_PUBLICATIONS_TABLE })
export class CasePublicationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Lower-cased (DOIs compare case-insensitively). */
  @Index('UQ_case_publications_doi', { unique: true })
  @Column({ type: 'varchar', length: 255, nullable: true })
  doi!: string | null;

  @Index('UQ_case_publications_pubmed', { unique: true })
  @Column({ name: 'pubmed_id', type: 'integer', nullable: true })
  pubmedId!: number | null;

  @Column({ name: 'corresponding_author', type: 'simple-json', nullable: true })
  correspondingAuthor!: StoredContact | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
