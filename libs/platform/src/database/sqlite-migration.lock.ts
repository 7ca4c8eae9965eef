import { open, readFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AsyncMutex } from './async-mutex';

const mutexes = new Map<string, AsyncMutex>();

export interface SqliteMigrationLockOptions {
  /** How long to wait for another runner (default 60 s). */
  timeoutMs?: number;
  /** How often to look at the lock file again while waiting (default 100 ms). */
  pollMs?: number;
}

/**
 * Runs `fn` while holding the SQLite file's migration lock: an in-process FIFO mutex (several
 * apps of standalone mode share the process) and a `<file>.migrate.lock` file created with
 * O_EXCL (a second process, e.g. `gmdb migrate` next to a running `npm start`). A lock file left
 * by a process that no longer runs is taken over.
 */
export async function withSqliteMigrationLock<T>(
  databasePath: string,
  fn: () => Promise<T>,
  options: SqliteMigrationLockOptions = {},
): Promise<T> {
  const key = databasePath === ':memory:' ? ':memory:' : resolve(databasePath);
  let mutex = mutexes.get(key);
  if (!mutex) {
    mutex = new AsyncMutex();
    mutexes.set(key, mutex);
  }
  return mutex.runExclusive(async () => {
    if (key === ':memory:') return fn();
    const lockFile = `${key}.migrate.lock`;
    await acquireLockFile(lockFile, options.timeoutMs ?? 60_000, options.pollMs ?? 100);
    try {
      return await fn();
    } finally {
      await rm(lockFile, { force: true });
    }
  });
}

async function acquireLockFile(lockFile: string, timeoutMs: number, pollMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (await isStale(lockFile)) {
      await rm(lockFile, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new Error(`Gave up after ${timeoutMs} ms waiting for ${lockFile}: another migration is running`);
    }
    await sleep(pollMs);
  }
}

/** The lock's owner is gone (or the file is unreadable garbage). */
async function isStale(lockFile: string): Promise<boolean> {
  const content = await readFile(lockFile, 'utf8').catch(() => '');
  const pid = Number(content.trim());
  if (!Number.isInteger(pid) || pid <= 0) return content !== '' || !(await exists(lockFile));
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function exists(path: string): Promise<boolean> {
  return readFile(path).then(
    () => true,
    () => false,
  );
}
