import type { LocalS3Server } from '../storage/local-s3-server';

/** Global setup and teardown run in the same process: the server is handed over here. */
const KEY = Symbol.for('gmdb.testS3Server');
type Holder = { [KEY]?: { server: LocalS3Server; directory: string } };

export function setTestS3Server(server: LocalS3Server, directory: string): void {
  (globalThis as Holder)[KEY] = { server, directory };
}

export function takeTestS3Server(): { server: LocalS3Server; directory: string } | undefined {
  const holder = globalThis as Holder;
  const value = holder[KEY];
  delete holder[KEY];
  return value;
}
