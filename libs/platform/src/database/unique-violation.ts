import { QueryFailedError } from 'typeorm';

const UNIQUE_CODES = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_PRIMARYKEY', 'SQLITE_CONSTRAINT_UNIQUE']);

/** True for a primary-key or unique-index violation on MySQL/MariaDB or SQLite. */
export function isUniqueViolation(error: unknown): boolean {
  const driverError: unknown = error instanceof QueryFailedError ? error.driverError : error;
  if (typeof driverError !== 'object' || driverError === null) return false;
  const { code, errno } = driverError as { code?: unknown; errno?: unknown };
  return (typeof code === 'string' && UNIQUE_CODES.has(code)) || errno === 1062;
}
