import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { PlatformLogger } from './database-connection';
import { withSqliteMigrationLock } from './sqlite-migration.lock';

export interface RunMigrationsOptions {
  logger?: Pick<PlatformLogger, 'log'>;
  /** How long to wait for another runner's lock (seconds, default 60). */
  lockTimeoutSeconds?: number;
}

/**
 * Applies pending migrations and returns their names (empty when none were pending).
 * MySQL: under `GET_LOCK('gmdb_migrate:<database>')` held on a dedicated connection, so a
 * second runner (another replica, the k8s Job) waits, then finds nothing pending.
 * SQLite: an in-process mutex plus a lock file next to the database (sqlite-migration.lock.ts).
 */
export async function runMigrations(dataSource: DataSource, options: RunMigrationsOptions = {}): Promise<string[]> {
  const apply = async (): Promise<string[]> => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    const names = applied.map((m) => m.name);
    for (const name of names) options.logger?.log(`migration applied: ${name}`);
    return names;
  };
  const timeoutSeconds = options.lockTimeoutSeconds ?? 60;
  const { type, database } = dataSource.options;
  if (type === 'mysql' || type === 'mariadb') return withMysqlMigrationLock(dataSource, timeoutSeconds, apply);
  if (typeof database !== 'string') return apply();
  return withSqliteMigrationLock(database, apply, { timeoutMs: timeoutSeconds * 1000 });
}

/** MySQL lock names are at most 64 characters: long database names are hashed. */
export function migrationLockName(database: string): string {
  const name = `gmdb_migrate:${database}`;
  return name.length <= 64 ? name : `gmdb_migrate:${createHash('sha1').update(database).digest('hex')}`;
}

async function withMysqlMigrationLock<T>(
  dataSource: DataSource,
  timeoutSeconds: number,
  fn: () => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner('master');
  await runner.connect();
  try {
    const [{ db }] = (await runner.query('SELECT DATABASE() AS db')) as Array<{ db: string }>;
    const lock = migrationLockName(db);
    const [{ acquired }] = (await runner.query('SELECT GET_LOCK(?, ?) AS acquired', [lock, timeoutSeconds])) as Array<{
      acquired: number | string | null;
    }>;
    if (Number(acquired) !== 1) {
      throw new Error(
        `Gave up after ${timeoutSeconds}s waiting for the migration lock ${lock}: another migration is running`,
      );
    }
    try {
      return await fn();
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [lock]);
    }
  } finally {
    await runner.release();
  }
}
