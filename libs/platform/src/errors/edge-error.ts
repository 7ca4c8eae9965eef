import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, ErrorCode, FieldIssue } from '@gmdb/domain';
import { codeForHttpStatus, httpStatusForCode } from './error-status.table';

/** Any error, as the edge shows it to a caller. */
export interface EdgeError {
  status: number;
  code: ErrorCode | string;
  /** Safe to show: never a stack, a SQL statement or an internal message. */
  message: string;
  issues?: FieldIssue[];
  /** A bug or an outage rather than a caller mistake: log it at error level, with its stack. */
  unexpected: boolean;
}

const GENERIC_MESSAGE: Record<number, string> = {
  [HttpStatus.BAD_REQUEST]: 'The request is malformed',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'The request body is too large',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'The request body has an unsupported encoding or charset',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'The service is temporarily unavailable',
};
const INTERNAL_MESSAGE = 'An unexpected error occurred';
const INVALID_JSON_MESSAGE = 'The request body is not valid JSON';

/** The shape of the errors body-parser (via http-errors) passes to Express. */
interface BodyParserError {
  type: string;
  status: number;
  expose?: boolean;
}

function isBodyParserError(e: unknown): e is BodyParserError {
  if (typeof e !== 'object' || e === null) return false;
  const { type, status } = e as { type?: unknown; status?: unknown };
  return typeof type === 'string' && typeof status === 'number' && /^(entity|request|charset|encoding|parameters)\./.test(type);
}

function fromDomainError(e: DomainError): EdgeError {
  const status = httpStatusForCode(e.code);
  const issues = e.details?.issues;
  return {
    status,
    code: e.code,
    message: e.message,
    ...(issues && issues.length > 0 ? { issues } : {}),
    unexpected: status >= 500,
  };
}

function messageOf(e: HttpException): string {
  const response = e.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return e.message;
}

function fromHttpException(e: HttpException): EdgeError {
  const status = e.getStatus();
  if (status >= 500) {
    return {
      status,
      code: codeForHttpStatus(status),
      message: GENERIC_MESSAGE[status] ?? INTERNAL_MESSAGE,
      unexpected: true,
    };
  }
  const message = messageOf(e);
  // Nest turns body-parser's SyntaxError into a BadRequestException carrying JSON.parse's message.
  if (status === HttpStatus.BAD_REQUEST && /\bJSON\b/.test(message)) {
    return { status, code: ErrorCode.INVALID_JSON, message: INVALID_JSON_MESSAGE, unexpected: false };
  }
  return { status, code: codeForHttpStatus(status), message, unexpected: false };
}

function fromBodyParserError(e: BodyParserError): EdgeError {
  if (e.type === 'entity.parse.failed') {
    return { status: HttpStatus.BAD_REQUEST, code: ErrorCode.INVALID_JSON, message: INVALID_JSON_MESSAGE, unexpected: false };
  }
  const status = e.status >= 400 && e.status < 500 ? e.status : HttpStatus.INTERNAL_SERVER_ERROR;
  return {
    status,
    code: codeForHttpStatus(status),
    message: GENERIC_MESSAGE[status] ?? (status >= 500 ? INTERNAL_MESSAGE : GENERIC_MESSAGE[HttpStatus.BAD_REQUEST]),
    unexpected: status >= 500,
  };
}

/**
 * Maps anything thrown to what the caller sees: `DomainError` by the status table, Nest
 * `HttpException`s and body-parser errors by status, and everything else to 500 `INTERNAL`
 * with a generic message.
 */
export function toEdgeError(exception: unknown): EdgeError {
  if (exception instanceof DomainError) return fromDomainError(exception);
  if (exception instanceof HttpException) return fromHttpException(exception);
  if (isBodyParserError(exception)) return fromBodyParserError(exception);
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    code: ErrorCode.INTERNAL,
    message: INTERNAL_MESSAGE,
    unexpected: true,
  };
}

/** The JSON body of every error answer: `{ error: { code, message, issues?, correlationId } }`. */
export interface ErrorResponseBody {
  error: {
    code: string;
    message: string;
    issues?: FieldIssue[];
    correlationId?: string;
  };
}

export function errorResponseBody(edge: EdgeError, correlationId: string | undefined): ErrorResponseBody {
  return {
    error: {
      code: edge.code,
      message: edge.message,
      ...(edge.issues ? { issues: edge.issues } : {}),
      ...(correlationId ? { correlationId } : {}),
    },
  };
}
