import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@gmdb/domain';

/**
 * The one table from stable error codes to HTTP statuses. A code missing here (added to
 * libs/domain later) falls back by name: `*_NOT_FOUND` is 404, anything else 400.
 */
const STATUS_BY_CODE: Partial<Record<ErrorCode, HttpStatus>> = {
  [ErrorCode.INVALID_JSON]: HttpStatus.BAD_REQUEST,
  [ErrorCode.BAD_REQUEST]: HttpStatus.BAD_REQUEST,
  [ErrorCode.VALIDATION_FAILED]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [ErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.RATE_LIMITED]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.PAYLOAD_TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ErrorCode.INTERNAL]: HttpStatus.INTERNAL_SERVER_ERROR,
  [ErrorCode.SERVICE_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.TOKEN_INVALID]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.TOKEN_EXPIRED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.API_KEY_INVALID]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.API_KEY_EXPIRED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.API_KEY_REVOKED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.INSUFFICIENT_SCOPE]: HttpStatus.FORBIDDEN,
  // Issue 3: a retry with the same key and another body is a conflict (409).
  [ErrorCode.IDEMPOTENCY_KEY_REUSED]: HttpStatus.CONFLICT,
  [ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS]: HttpStatus.CONFLICT,
  [ErrorCode.IMAGE_DUPLICATE]: HttpStatus.CONFLICT,
  [ErrorCode.IMAGE_UNSUPPORTED_FORMAT]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ErrorCode.IMAGE_UNDECODABLE]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.IMAGE_TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.IMAGE_EMPTY]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.IMAGE_NO_FACE]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.IMAGE_MULTIPLE_FACES]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.IMAGE_FACE_TOO_SMALL]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.MODEL_CHECKSUM_MISMATCH]: HttpStatus.INTERNAL_SERVER_ERROR,
  [ErrorCode.MODEL_FILE_MISSING]: HttpStatus.INTERNAL_SERVER_ERROR,
  [ErrorCode.MODEL_MANIFEST_INVALID]: HttpStatus.INTERNAL_SERVER_ERROR,
  [ErrorCode.HPO_TERM_INVALID]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.HPO_TERM_UNKNOWN]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.HPO_TERM_OBSOLETE]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.CONSENT_ALREADY_WITHDRAWN]: HttpStatus.CONFLICT,
  [ErrorCode.INVITATION_INVALID]: HttpStatus.NOT_FOUND,
  [ErrorCode.INVITATION_EXPIRED]: HttpStatus.GONE,
  [ErrorCode.INVITATION_USED]: HttpStatus.CONFLICT,
  [ErrorCode.PUBLICATION_STATE_INVALID]: HttpStatus.CONFLICT,
  [ErrorCode.DATACITE_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
};

export function httpStatusForCode(code: ErrorCode | string): number {
  const status = STATUS_BY_CODE[code as ErrorCode];
  if (status !== undefined) return status;
  return code.endsWith('_NOT_FOUND') ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
}

/** The code a bare HTTP status stands for (Nest `HttpException`s, body-parser errors). */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  [HttpStatus.BAD_REQUEST]: ErrorCode.BAD_REQUEST,
  [HttpStatus.UNAUTHORIZED]: ErrorCode.UNAUTHENTICATED,
  [HttpStatus.FORBIDDEN]: ErrorCode.FORBIDDEN,
  [HttpStatus.NOT_FOUND]: ErrorCode.NOT_FOUND,
  [HttpStatus.CONFLICT]: ErrorCode.CONFLICT,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ErrorCode.PAYLOAD_TOO_LARGE,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  [HttpStatus.UNPROCESSABLE_ENTITY]: ErrorCode.VALIDATION_FAILED,
  [HttpStatus.TOO_MANY_REQUESTS]: ErrorCode.RATE_LIMITED,
  [HttpStatus.SERVICE_UNAVAILABLE]: ErrorCode.SERVICE_UNAVAILABLE,
};

export function codeForHttpStatus(status: number): ErrorCode {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? ErrorCode.INTERNAL : ErrorCode.BAD_REQUEST);
}
