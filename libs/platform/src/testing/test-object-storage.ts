import { randomBytes } from 'node:crypto';
import { ObjectStorage } from '../storage/object-storage';
import type { ObjectStorageOptions } from '../storage/object-storage.options';
import { TEST_S3_ENV } from './test-services';

/** The local S3 server of the jest global setup (throws outside the integration project). */
export function testS3Options(): Omit<ObjectStorageOptions, 'bucket'> & { endpoint: string } {
  const endpoint = process.env[TEST_S3_ENV.endpoint];
  if (!endpoint) {
    throw new Error(`${TEST_S3_ENV.endpoint} is not set: run integration tests through jest's integration project`);
  }
  return {
    endpoint,
    region: process.env[TEST_S3_ENV.region] ?? 'us-east-1',
    accessKeyId: process.env[TEST_S3_ENV.accessKeyId],
    secretAccessKey: process.env[TEST_S3_ENV.secretAccessKey],
    forcePathStyle: true,
  };
}

/** An ObjectStorage on a fresh bucket (`gmdb-t-<hex>`), created. */
export async function createTestObjectStorage(): Promise<ObjectStorage> {
  const storage = new ObjectStorage({ ...testS3Options(), bucket: `gmdb-t-${randomBytes(5).toString('hex')}` });
  await storage.ensureBucket();
  return storage;
}
