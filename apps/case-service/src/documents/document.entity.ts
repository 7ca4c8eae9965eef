import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const DOCUMENTS_TABLE = 'case_documents';

/** A letter or lab report of a case (responsible clinician only); the bytes are in S3 under `documents/<uuid>`. */
@Entity({ name: DOCUMENTS_TABLE })
export class DocumentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('IDX_case_documents_case')
  @Column({ name: 'case_id', type: 'varchar', length: 36 })
  caseId!: string;

  /** letter | lab-report | other */
  @Column({ type: 'varchar', length: 16 })
  kind!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title!: string | null;

  @Column({ name: 'object_key', type: 'varchar', length: 200 })
  objectKey!: string;

  @Column({ name: 'content_type', type: 'varchar', length: 32 })
  contentType!: string;

  @Column({ name: 'byte_size', type: 'integer' })
  byteSize!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
