import { DomainError, ErrorCode, type FaceBox } from '@gmdb/domain';

/** A permanent failure of a photo: recorded and announced, never retried. */
export interface CodedFailure {
  code: string;
  message: string;
  /** Every face found (IMAGE_MULTIPLE_FACES, IMAGE_FACE_TOO_SMALL). */
  faces: FaceBox[];
}

/**
 * The coded errors of the engine (no face, several faces, undecodable or too large photo, a bad
 * model manifest or file) as a failure to record; undefined for anything else (a transient
 * error: the job throws and the queue retries it).
 */
export function codedFailure(error: unknown): CodedFailure | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const faces = error.details?.['faces'];
  return { code: error.code, message: error.message, faces: Array.isArray(faces) ? (faces as FaceBox[]) : [] };
}

export function photoMissing(key: string): CodedFailure {
  return { code: ErrorCode.IMAGE_NOT_FOUND, message: `The photo ${key} is not in S3`, faces: [] };
}
