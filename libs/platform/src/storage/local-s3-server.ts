import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import S3rver from 's3rver';

export interface LocalS3ServerOptions {
  /** Where objects are kept (created when missing); survives restarts. */
  directory: string;
  /** 0 (default) picks a free port. */
  port?: number;
  address?: string;
  /** Buckets created at start. */
  buckets?: string[];
}

export interface LocalS3Server {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  close(): Promise<void>;
}

/**
 * An S3-speaking server on a folder (s3rver), for standalone mode and tests. It accepts any
 * credentials (it does not verify SigV4 signatures), so never test authorisation against it,
 * and it is single-process and slow for big objects: development only.
 */
export async function startLocalS3Server(options: LocalS3ServerOptions): Promise<LocalS3Server> {
  const directory = resolve(options.directory);
  await mkdir(directory, { recursive: true });
  const address = options.address ?? '127.0.0.1';
  const server = new S3rver({
    address,
    port: options.port ?? 0,
    directory,
    silent: true,
    configureBuckets: (options.buckets ?? []).map((name) => ({ name })),
  });
  const info = await server.run();
  let closed = false;
  return {
    endpoint: `http://${address}:${info.port}`,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    close: async () => {
      if (closed) return;
      closed = true;
      await server.close();
    },
  };
}
