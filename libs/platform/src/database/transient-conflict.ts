import { QueryFailedError } from 'typeorm';

const TRANSIENT_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY', 'SQLITE_LOCKED']);

/**
 * True for a deadlock or lock-wait timeout (MySQL/MariaDB 1213/1205) or a busy SQLite file: the
 * database rolled the transaction back and running it again is the right answer.
 */
export function isTransientConflict(error: unknown): boolean {
  const driverError: unknown = error instanceof QueryFailedError ? error.driverError : error;
  if (typeof driverError !== 'object' || driverError === null) return false;
  const { code, errno } = driverError as { code?: unknown; errno?: unknown };
  return (typeof code === 'string' && TRANSIENT_CODES.has(code)) || errno === 1213 || errno === 1205;
}
