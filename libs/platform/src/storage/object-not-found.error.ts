/** The key does not exist in the bucket (S3 NoSuchKey / 404). */
export class ObjectNotFoundError extends Error {
  override readonly name = 'ObjectNotFoundError';

  constructor(
    readonly bucket: string,
    readonly key: string,
  ) {
    super(`Object ${key} not found in bucket ${bucket}`);
  }
}

/** True for the SDK's "no such key / bucket" answers. */
export function isS3NotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, $metadata } = error as { name?: unknown; $metadata?: { httpStatusCode?: number } };
  return name === 'NoSuchKey' || name === 'NotFound' || name === 'NoSuchBucket' || $metadata?.httpStatusCode === 404;
}
