import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, ErrorCode } from '@gmdb/domain';
import { isUniqueViolation } from '@gmdb/platform';
import type { DataSource, Repository } from 'typeorm';
import { IdempotencyRecordEntity } from './idempotency-record.entity';

/** How long a stored answer is replayed. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a retry waits for the first request with its key to finish. */
const WAIT_FOR_FIRST_MS = 10_000;
const POLL_MS = 50;
/** A first request still `in-progress` after this long crashed or hung: a retry takes its key over. */
export const STALE_IN_PROGRESS_MS = 2 * 60 * 1000;

export const IDEMPOTENCY_CLOCK = Symbol.for('gmdb.idempotency.clock');

export type IdempotencyStart = { kind: 'first' } | { kind: 'replay'; statusCode: number; body: unknown };

/**
 * Idempotency keys per caller, in a table whose primary key (scope, key) makes the first
 * request win even when retries arrive at the same time: the others wait for its answer and
 * replay it. A key reused with another request is IDEMPOTENCY_KEY_REUSED.
 */
@Injectable()
export class IdempotencyService {
  private readonly records: Repository<IdempotencyRecordEntity>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(IDEMPOTENCY_CLOCK) private readonly now: () => Date,
  ) {
    this.records = dataSource.getRepository(IdempotencyRecordEntity);
  }

  async begin(scope: string, key: string, hash: string): Promise<IdempotencyStart> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const now = this.now();
      try {
        await this.records.insert({
          scope,
          key,
          requestHash: hash,
          state: 'in-progress',
          statusCode: null,
          responseBody: null,
          createdAt: now,
          expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
        });
        return { kind: 'first' };
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
      }
      const row = await this.records.findOneBy({ scope, key });
      if (!row) continue;
      if (row.expiresAt.getTime() <= now.getTime()) {
        await this.records.delete({ scope, key, expiresAt: row.expiresAt });
        continue;
      }
      if (row.requestHash !== hash) {
        throw new DomainError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was used with a different request');
      }
      if (row.state === 'done' && row.statusCode !== null) {
        return { kind: 'replay', statusCode: row.statusCode, body: row.responseBody === null ? undefined : (JSON.parse(row.responseBody) as unknown) };
      }
      if (now.getTime() - row.createdAt.getTime() >= STALE_IN_PROGRESS_MS) {
        await this.records.delete({ scope, key, state: 'in-progress', createdAt: row.createdAt });
        continue;
      }
      if (Date.now() >= deadline) {
        throw new DomainError(ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS, 'A request with this Idempotency-Key is still running; retry later');
      }
      await sleep(POLL_MS);
    }
  }

  /** Stores the first request's answer for replays. */
  async complete(scope: string, key: string, statusCode: number, body: unknown): Promise<void> {
    await this.records.update(
      { scope, key },
      { state: 'done', statusCode, responseBody: body === undefined ? null : JSON.stringify(body) },
    );
  }

  /** The first request failed: forget the key so that a retry runs again. */
  async abandon(scope: string, key: string): Promise<void> {
    await this.records.delete({ scope, key, state: 'in-progress' });
  }

  /** Drops expired keys (a periodic sweep may call it); returns how many. */
  async purgeExpired(): Promise<number> {
    const result = await this.records.createQueryBuilder().delete().where('expires_at <= :now', { now: this.now() }).execute();
    return result.affected ?? 0;
  }
}
