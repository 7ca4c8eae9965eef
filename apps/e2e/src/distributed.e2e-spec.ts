import { TEST_MYSQL_URL, testRedisUrl, testS3Options } from '@gmdb/platform/testing';
import { startDistributedSystem } from './harness/distributed-system';
import { describeJourneys } from './journeys/system-journeys';

// Distributed mode: `gmdb migrate`, then `gmdb serve <app>` per app (MariaDB per service, BullMQ, S3).
describeJourneys('distributed', () => startDistributedSystem({ mysqlUrl: TEST_MYSQL_URL, redisUrl: testRedisUrl(), s3: testS3Options() }));
