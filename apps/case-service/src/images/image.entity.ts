import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const IMAGES_TABLE = 'case_images';

export type ImageEncodeStatus = 'pending' | 'done' | 'failed';

/** A face box (pixels of the stored, upright photo) as the worker reports it. */
export interface StoredFace {
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
}

/**
 * One photo of a case. The bytes live in S3 under opaque keys (`images/<uuid>`, `thumbnails/<uuid>`);
 * `sha256` is that of the stored (normalised) bytes and is unique per case (duplicate check).
 */
@Entity({ name: IMAGES_TABLE })
@Index('UQ_case_images_case_sha256', ['caseId', 'sha256'], { unique: true })
export class ImageEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('IDX_case_images_case')
  @Column({ name: 'case_id', type: 'varchar', length: 36 })
  caseId!: string;

  /** portrait | mri | x-ray | fundoscopy | extremity | other */
  @Column({ type: 'varchar', length: 16 })
  modality!: string;

  /** ISO 8601 duration, canonical (`P2Y3M`). */
  @Column({ name: 'age_at_capture', type: 'varchar', length: 32, nullable: true })
  ageAtCapture!: string | null;

  /** The same age in days, for range filters. */
  @Column({ name: 'age_at_capture_days', type: 'integer', nullable: true })
  ageAtCaptureDays!: number | null;

  @Column({ name: 'object_key', type: 'varchar', length: 200 })
  objectKey!: string;

  @Column({ name: 'thumbnail_key', type: 'varchar', length: 200 })
  thumbnailKey!: string;

  @Column({ name: 'content_type', type: 'varchar', length: 32 })
  contentType!: string;

  @Column({ name: 'byte_size', type: 'integer' })
  byteSize!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ type: 'integer' })
  width!: number;

  @Column({ type: 'integer' })
  height!: number;

  @Column({ name: 'encode_status', type: 'varchar', length: 16 })
  encodeStatus!: ImageEncodeStatus;

  @Column({ name: 'encode_error_code', type: 'varchar', length: 64, nullable: true })
  encodeErrorCode!: string | null;

  /** The faces the worker found (JSON); null until encoded. */
  @Column({ type: 'simple-json', nullable: true })
  faces!: StoredFace[] | null;

  /** The aligned face crop the worker stored, when it did. */
  @Column({ name: 'crop_key', type: 'varchar', length: 200, nullable: true })
  cropKey!: string | null;

  @Column({ name: 'model_version', type: 'varchar', length: 200, nullable: true })
  modelVersion!: string | null;

  @Column({ name: 'encoded_at', type: 'datetime', precision: 3, nullable: true })
  encodedAt!: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
