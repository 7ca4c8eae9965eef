import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const IMAGE_EMBEDDINGS_TABLE = 'worker_image_embeddings';

export type EmbeddingStatus = 'done' | 'failed';

/**
 * The outcome of encoding one gallery photo with one model version: the slot-major float32
 * embedding (slots x 512, little-endian) with the face it came from, or the coded reason it
 * failed. Also the photo's gallery metadata as the last case.gallery-changed said, so the index
 * can be rebuilt from this table alone.
 */
@Entity({ name: IMAGE_EMBEDDINGS_TABLE })
export class ImageEmbeddingEntity {
  @PrimaryColumn({ name: 'image_id', type: 'varchar', length: 200 })
  imageId!: string;

  @PrimaryColumn({ name: 'model_version', type: 'varchar', length: 120 })
  modelVersion!: string;

  @Index('IDX_worker_embeddings_case')
  @Column({ name: 'case_id', type: 'varchar', length: 200 })
  caseId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: EmbeddingStatus;

  @Column({ name: 'error_code', type: 'varchar', length: 64, nullable: true })
  errorCode!: string | null;

  @Column({ type: 'integer' })
  slots!: number;

  /** slots x 512 float32, slot-major, little-endian; null when the encode failed. */
  @Column({ type: 'blob', nullable: true })
  embedding!: Buffer | null;

  /** JSON: the face box(es) with scores (on failure: every box found). */
  @Column({ name: 'face_boxes', type: 'text', nullable: true })
  faceBoxes!: string | null;

  /** JSON: the five landmarks in the photo's pixels. */
  @Column({ type: 'text', nullable: true })
  landmarks!: string | null;

  /** JSON: alignment quality (residuals to the template, rotation, detection score). */
  @Column({ type: 'text', nullable: true })
  quality!: string | null;

  @Column({ name: 'crop_key', type: 'varchar', length: 200, nullable: true })
  cropKey!: string | null;

  /** private | fair; null until case.gallery-changed told (the photo then counts as private, without labels). */
  @Column({ name: 'access_level', type: 'varchar', length: 16, nullable: true })
  accessLevel!: 'private' | 'fair' | null;

  /** JSON array of disorder ids. */
  @Column({ name: 'disorder_ids', type: 'text' })
  disorderIds!: string;

  /** JSON array of gene symbols. */
  @Column({ name: 'gene_symbols', type: 'text' })
  geneSymbols!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Index('IDX_worker_embeddings_updated')
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
