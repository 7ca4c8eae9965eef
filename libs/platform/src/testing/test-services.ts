/** Where integration tests find MariaDB and Redis (this machine and CI start both). */
export const TEST_MYSQL_URL = process.env.GMDB_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
export const TEST_REDIS_URL = process.env.GMDB_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Set by the jest global setup for the test workers. */
export const TEST_S3_ENV = {
  endpoint: 'GMDB_TEST_S3_ENDPOINT',
  region: 'GMDB_TEST_S3_REGION',
  accessKeyId: 'GMDB_TEST_S3_ACCESS_KEY_ID',
  secretAccessKey: 'GMDB_TEST_S3_SECRET_ACCESS_KEY',
  directory: 'GMDB_TEST_S3_DIRECTORY',
} as const;
