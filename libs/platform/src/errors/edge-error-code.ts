import { ErrorCode } from '@gmdb/domain';

/**
 * Codes only the edge produces (transport-level problems, before any domain code runs).
 * They are part of the stable API like `ErrorCode`; they belong in `ErrorCode` itself and move
 * there once libs/domain carries them.
 */
export const EdgeCode = {
  /** The request body is not valid JSON. */
  INVALID_JSON: 'INVALID_JSON',
  /** A malformed request the route rejected before validation (bad path parameter, bad header...). */
  BAD_REQUEST: 'BAD_REQUEST',
} as const;

export type EdgeErrorCode = ErrorCode | (typeof EdgeCode)[keyof typeof EdgeCode];
