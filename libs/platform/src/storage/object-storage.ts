import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { type DependencyHealth, probeDependency } from '../database/dependency-health';
import { assertObjectKey, assertObjectPrefix } from './object-key';
import { ObjectNotFoundError, isS3NotFound } from './object-not-found.error';
import type { ObjectHead, ObjectStorageOptions, PutObjectOptions, StoredObject } from './object-storage.options';

const SHA256_META = 'sha256';

/**
 * The one S3 repository: images, crops, documents, releases. Bodies are buffers (photos are
 * checked and re-encoded in memory before they get here), which also lets every put carry
 * its SHA-256 as metadata.
 */
export class ObjectStorage {
  readonly bucket: string;
  private readonly client: S3Client;
  private readonly presignExpirySeconds: number;

  constructor(options: ObjectStorageOptions) {
    this.bucket = options.bucket;
    this.presignExpirySeconds = Math.min(3600, options.presignExpirySeconds ?? 300);
    const credentials =
      options.accessKeyId && options.secretAccessKey
        ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
        : undefined;
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region ?? 'us-east-1',
      forcePathStyle: options.forcePathStyle ?? true,
      credentials,
      // Checksums only where S3 requires them: S3-compatible servers (s3rver) reject the rest.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  /** Creates the bucket when it does not exist (standalone start, tests). */
  async ensureBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (e) {
      if (!isS3NotFound(e)) throw e;
      try {
        await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
      } catch (created) {
        const name = (created as { name?: string }).name;
        if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw created;
      }
    }
  }

  async put(key: string, body: Buffer | Uint8Array | string, options: PutObjectOptions): Promise<StoredObject> {
    assertObjectKey(key);
    const bytes =
      typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const result = await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: bytes,
        ContentType: options.contentType,
        ContentLength: bytes.length,
        Metadata: { ...(options.metadata ?? {}), [SHA256_META]: sha256 },
      }),
    );
    return { key, size: bytes.length, sha256, etag: result.ETag };
  }

  /** The object's bytes as a stream; ObjectNotFoundError when the key is missing. */
  async getStream(key: string): Promise<Readable> {
    assertObjectKey(key);
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!(result.Body instanceof Readable)) throw new Error(`S3 returned no body stream for ${key}`);
      return result.Body;
    } catch (e) {
      if (isS3NotFound(e)) throw new ObjectNotFoundError(this.bucket, key);
      throw e;
    }
  }

  async getBuffer(key: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.getStream(key)) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
    }
    return Buffer.concat(chunks);
  }

  /** Size, type and metadata; null when the key is missing. */
  async head(key: string): Promise<ObjectHead | null> {
    assertObjectKey(key);
    try {
      const r = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      const metadata = r.Metadata ?? {};
      return {
        key,
        size: r.ContentLength ?? 0,
        contentType: r.ContentType,
        sha256: metadata[SHA256_META],
        etag: r.ETag,
        lastModified: r.LastModified,
        metadata,
      };
    } catch (e) {
      if (isS3NotFound(e)) return null;
      throw e;
    }
  }

  /** Deletes one object; a missing key is not an error (S3 semantics). */
  async delete(key: string): Promise<void> {
    assertObjectKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** Deletes every object under `prefix` (a case's photos); returns how many were deleted. */
  async deleteMany(prefix: string): Promise<number> {
    assertObjectPrefix(prefix);
    let deleted = 0;
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token, MaxKeys: 1000 }),
      );
      const keys = (page.Contents ?? []).map((o) => o.Key).filter((k): k is string => !!k);
      if (keys.length > 0) {
        const result = await this.client.send(
          new DeleteObjectsCommand({
            Bucket: this.bucket,
            Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
          }),
        );
        const errors = result.Errors ?? [];
        if (errors.length > 0) {
          const first = `${errors[0].Key} ${errors[0].Code}`;
          throw new Error(`Could not delete ${errors.length} objects under ${prefix}: ${first}`);
        }
        deleted += keys.length;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return deleted;
  }

  /** A short-lived GET URL (browser downloads, release archives). */
  async presignGet(key: string, options: { expiresInSeconds?: number; downloadName?: string } = {}): Promise<string> {
    assertObjectKey(key);
    const expiresIn = Math.min(this.presignExpirySeconds, options.expiresInSeconds ?? this.presignExpirySeconds);
    const disposition = options.downloadName
      ? `attachment; filename="${options.downloadName.replace(/["\\\r\n]/g, '_')}"`
      : undefined;
    return getSignedUrl(
      this.client,
      new GetObjectCommand({ Bucket: this.bucket, Key: key, ResponseContentDisposition: disposition }),
      { expiresIn },
    );
  }

  /** Readiness: the bucket answers. */
  checkHealth(timeoutMs = 2000): Promise<DependencyHealth> {
    return probeDependency(() => this.client.send(new HeadBucketCommand({ Bucket: this.bucket })), timeoutMs);
  }

  close(): void {
    this.client.destroy();
  }
}
