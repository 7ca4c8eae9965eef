import type { ImageEncodeStatus, StoredFace } from '../image.entity';

/** A case photo as REST and GraphQL show it (never its S3 keys). */
export interface ImageModel {
  id: string;
  caseId: string;
  modality: string;
  /** ISO 8601 duration, e.g. `P2Y3M`. */
  ageAtCapture: string | null;
  contentType: string;
  byteSize: number;
  /** Hex SHA-256 of the stored bytes (what `/content` returns). */
  sha256: string;
  width: number;
  height: number;
  encodeStatus: ImageEncodeStatus;
  /** Why encoding failed (IMAGE_NO_FACE, IMAGE_MULTIPLE_FACES...), when it did. */
  encodeErrorCode: string | null;
  faces: StoredFace[];
  modelVersion: string | null;
  encodedAt: string | null;
  createdAt: string;
}
