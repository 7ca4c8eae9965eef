import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const IDEMPOTENCY_KEYS_TABLE = 'idempotency_keys';

/** `in-progress` while the first request runs; `done` once its answer is stored. */
export type IdempotencyState = 'in-progress' | 'done';

/**
 * One `Idempotency-Key` of one caller: the hash of the first request and, once it finished,
 * its answer (status and JSON body), replayed to retries until `expiresAt`.
 */
@Entity({ name: IDEMPOTENCY_KEYS_TABLE })
export class IdempotencyRecordEntity {
  /** Who sent it: `institution:<id>` or `user:<subject>`. */
  @PrimaryColumn({ type: 'varchar', length: 200 })
  scope!: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 200 })
  key!: string;

  /** SHA-256 (hex) of method, route and canonical JSON body. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: IdempotencyState;

  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode!: number | null;

  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody!: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Index('IDX_idempotency_keys_expires')
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;
}
