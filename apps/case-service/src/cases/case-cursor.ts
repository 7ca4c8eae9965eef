import { DomainError, IssueCode } from '@gmdb/domain';
import type { CaseSearchPosition } from './case.repository';

/** An opaque page cursor: the position of the last case of a page. */
export function encodeCaseCursor(position: CaseSearchPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id]), 'utf8').toString('base64url');
}

/** Decodes `after`; a cursor this service did not make is a 422 on `path`. */
export function decodeCaseCursor(cursor: string | undefined | null, path = 'after'): CaseSearchPosition | undefined {
  if (cursor === undefined || cursor === null || cursor === '') return undefined;
  const invalid = () => DomainError.validation([{ path, code: IssueCode.INVALID_FORMAT, message: 'Not a cursor from a previous page' }]);
  if (cursor.length > 200) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') throw invalid();
  const createdAt = new Date(parsed[0]);
  if (Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(parsed[1])) throw invalid();
  return { createdAt, id: parsed[1] };
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A page size from a query string or GraphQL argument: 1..MAX_PAGE_SIZE, default DEFAULT_PAGE_SIZE. */
export function pageSizeOf(value: unknown, path = 'limit'): number {
  if (value === undefined || value === null || value === '') return DEFAULT_PAGE_SIZE;
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    throw DomainError.validation([{ path, code: IssueCode.OUT_OF_RANGE, message: `Must be a whole number from 1 to ${MAX_PAGE_SIZE}` }]);
  }
  return n;
}
