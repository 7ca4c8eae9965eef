/** Where objects live. Without `endpoint` the SDK talks to AWS S3 in `region`. */
export interface ObjectStorageOptions {
  bucket: string;
  /** S3-compatible endpoint (MinIO, s3rver): `http://127.0.0.1:4569`. */
  endpoint?: string;
  region?: string;
  /** Both or neither; without them the SDK's default chain (env, IRSA, instance role) applies. */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style URLs (`endpoint/bucket/key`); default true, which MinIO and s3rver need. */
  forcePathStyle?: boolean;
  /** Lifetime of presigned GET URLs (default 300 s, at most 3600). */
  presignExpirySeconds?: number;
}

export interface PutObjectOptions {
  contentType: string;
  /** Extra user metadata (x-amz-meta-*); keys lower-case ASCII. */
  metadata?: Record<string, string>;
}

export interface StoredObject {
  key: string;
  size: number;
  /** Hex SHA-256 of the bytes, computed on put and kept as object metadata. */
  sha256: string;
  etag?: string;
}

export interface ObjectHead {
  key: string;
  size: number;
  contentType?: string;
  /** From the object's metadata when it was put through ObjectStorage. */
  sha256?: string;
  etag?: string;
  lastModified?: Date;
  metadata: Record<string, string>;
}
