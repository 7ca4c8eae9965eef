import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const COHORT_COMPARISONS_TABLE = 'cohort_comparisons';

export type CohortComparisonStatus = 'queued' | 'done' | 'failed';

/**
 * A signed-in user's comparison of two sets of FAIR cases (their portrait photos): the sizes
 * asked for, and once the worker is done the distances and p-value read from its result object.
 */
@Entity({ name: COHORT_COMPARISONS_TABLE })
export class CohortComparisonEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** The JWT subject of the user who asked; nobody else may read the comparison. */
  @Index('IDX_cohort_comparisons_owner')
  @Column({ name: 'owner_subject', type: 'varchar', length: 191 })
  ownerSubject!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: CohortComparisonStatus;

  @Column({ type: 'integer' })
  permutations!: number;

  @Column({ name: 'cases_a', type: 'integer' })
  casesA!: number;

  @Column({ name: 'cases_b', type: 'integer' })
  casesB!: number;

  /** Portrait photos of the cases of each set at the time of asking. */
  @Column({ name: 'images_a', type: 'integer' })
  imagesA!: number;

  @Column({ name: 'images_b', type: 'integer' })
  imagesB!: number;

  @Column({ name: 'error_code', type: 'varchar', length: 64, nullable: true })
  errorCode!: string | null;

  /** The worker's result object (S3 key) the result was read from. */
  @Column({ name: 'result_key', type: 'varchar', length: 200, nullable: true })
  resultKey!: string | null;

  /** The result (JSON text of CohortComparisonResult). */
  @Column({ type: 'text', nullable: true })
  result!: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'datetime', precision: 3, nullable: true })
  completedAt!: Date | null;
}
