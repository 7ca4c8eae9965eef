import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const ANALYSES_TABLE = 'analyses';

export type AnalysisStatus = 'queued' | 'running' | 'done' | 'failed';

/**
 * A photo someone asked GestaltMatcher about (not a case and not in the gallery). The photo is
 * in S3 under an opaque key; `result` is the worker's ranking as read from its result object.
 */
@Entity({ name: ANALYSES_TABLE })
export class AnalysisEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** The JWT subject of the user who asked; nobody else may read the analysis. */
  @Index('IDX_analyses_owner')
  @Column({ name: 'owner_subject', type: 'varchar', length: 191 })
  ownerSubject!: string;

  @Column({ name: 'object_key', type: 'varchar', length: 200 })
  objectKey!: string;

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

  /** Test-time augmentation slots asked for (3 or 12). */
  @Column({ type: 'integer' })
  slots!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: AnalysisStatus;

  @Column({ name: 'error_code', type: 'varchar', length: 64, nullable: true })
  errorCode!: string | null;

  /** The worker's result object (S3 key) the result was read from. */
  @Column({ name: 'result_key', type: 'varchar', length: 200, nullable: true })
  resultKey!: string | null;

  /** The ranking (JSON text of AnalysisResult). */
  @Column({ type: 'text', nullable: true })
  result!: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'datetime', precision: 3, nullable: true })
  completedAt!: Date | null;
}
