import { ErrorCode } from './error-code';

/** One problem with one input field. `path` is a JSON path into the input (`diagnoses[0].omim`). */
export interface FieldIssue {
  path: string;
  code: string;
  message: string;
}

/** An error the caller can act on. Carries a stable code; the edge maps it to a status. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { issues?: FieldIssue[]; [key: string]: unknown },
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(issues: FieldIssue[], message = 'The input is not valid'): DomainError {
    return new DomainError(ErrorCode.VALIDATION_FAILED, message, { issues });
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
