import { randomUUID } from 'node:crypto';

/**
 * Opaque S3 keys of a photo: a fresh UUID, never the file name or the case id, so a bucket
 * listing tells nothing about whose photo it is.
 */
export function newImageKeys(): { objectKey: string; thumbnailKey: string } {
  const blob = randomUUID();
  return { objectKey: `images/${blob}`, thumbnailKey: `thumbnails/${blob}` };
}
