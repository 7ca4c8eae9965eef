import { rm } from 'node:fs/promises';
import { takeTestS3Server } from './test-s3-server.holder';

/** Stops the local S3 server of the global setup and removes its folder. */
export default async function globalTeardown(): Promise<void> {
  const running = takeTestS3Server();
  if (!running) return;
  await running.server.close();
  await rm(running.directory, { recursive: true, force: true });
}
