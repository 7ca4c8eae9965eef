import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { parseMysqlUrl } from '../database/mysql-url';
import { startLocalS3Server } from '../storage/local-s3-server';
import { TEST_MYSQL_URL, TEST_REDIS_URL, TEST_S3_ENV } from './test-services';
import { setTestS3Server } from './test-s3-server.holder';

/**
 * How long a service may take to answer before the suite gives up: on this project's 2-core
 * machines a handshake once took over 3 s right after the unit suite (MariaDB logged the aborted
 * connection), so each probe is tried again, a second apart, until this passes.
 */
const SERVICE_DEADLINE_MS = 20_000;

/** Runs `probe` until it resolves or SERVICE_DEADLINE_MS have passed; then throws its last error. */
async function answersWithin<T>(probe: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + SERVICE_DEADLINE_MS;
  for (;;) {
    try {
      return await probe();
    } catch (e) {
      if (Date.now() >= deadline) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

async function checkMariaDb(): Promise<void> {
  const { host, port, user, password } = parseMysqlUrl(TEST_MYSQL_URL);
  try {
    await answersWithin(async () => {
      const conn = await createConnection({ host, port, user, password, connectTimeout: 3000 });
      try {
        await conn.query('SELECT 1');
      } finally {
        await conn.end();
      }
    });
  } catch (e) {
    throw new Error(
      `Integration tests need MariaDB at ${host}:${port} (user ${user}, ${password ? 'a' : 'empty'} password; ` +
        `override with GMDB_TEST_MYSQL_URL): ${(e as Error).message.replace(/\.$/, '')}. Start it (.ci/run does) and run again.`,
    );
  }
}

async function checkRedis(): Promise<void> {
  let cause: Error | undefined;
  try {
    await answersWithin(async () => {
      const redis = new IORedis(TEST_REDIS_URL, {
        lazyConnect: true,
        connectTimeout: 3000,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      cause = undefined;
      redis.on('error', (e: Error) => (cause ??= e));
      try {
        await redis.connect();
        await redis.ping();
      } finally {
        redis.disconnect();
      }
    });
  } catch (e) {
    throw new Error(
      `Integration tests need Redis at ${TEST_REDIS_URL} (override with GMDB_TEST_REDIS_URL): ` +
        `${(cause ?? (e as Error)).message.replace(/\.$/, '')}. ` +
        'Start it (.ci/run does) and run again.',
    );
  }
}

/** Jest global setup of the integration project: services answer, a local S3 server runs. */
export default async function globalSetup(): Promise<void> {
  await Promise.all([checkMariaDb(), checkRedis()]);
  const directory = await mkdtemp(join(tmpdir(), 'gmdb-test-s3-'));
  const server = await startLocalS3Server({ directory });
  setTestS3Server(server, directory);
  process.env[TEST_S3_ENV.endpoint] = server.endpoint;
  process.env[TEST_S3_ENV.region] = server.region;
  process.env[TEST_S3_ENV.accessKeyId] = server.accessKeyId;
  process.env[TEST_S3_ENV.secretAccessKey] = server.secretAccessKey;
  process.env[TEST_S3_ENV.directory] = directory;
}
