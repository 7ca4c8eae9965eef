import { DomainError, ErrorCode } from '@gmdb/domain';

/**
 * Thrown by a message handler when trying again cannot help (the image has no face, the
 * record is gone). Neither driver retries it; the handler records the failure on its entity
 * first, where the API shows it.
 */
export class PermanentMessageError extends Error {
  override readonly name = 'PermanentMessageError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  static fromDomainError(error: DomainError): PermanentMessageError {
    return new PermanentMessageError(error.code, error.message, { cause: error });
  }
}

export function isPermanentMessageError(error: unknown): error is PermanentMessageError {
  return error instanceof PermanentMessageError || (error instanceof Error && error.name === 'PermanentMessageError');
}

export function describeError(error: unknown): string {
  if (error instanceof PermanentMessageError) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
