import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withSqliteMigrationLock } from './sqlite-migration.lock';

describe('withSqliteMigrationLock', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'gmdb-lock-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('runs holders one after the other and removes the lock file', async () => {
    const file = join(directory, 'a.sqlite');
    const order: string[] = [];
    const hold = (name: string) =>
      withSqliteMigrationLock(file, async () => {
        order.push(`${name}:start`);
        expect(await readFile(`${file}.migrate.lock`, 'utf8')).toBe(String(process.pid));
        await new Promise((r) => setTimeout(r, 20));
        order.push(`${name}:end`);
      });
    await Promise.all([hold('a'), hold('b')]);
    expect(order).toEqual(['a:start', 'a:end', 'b:start', 'b:end']);
    await expect(stat(`${file}.migrate.lock`)).rejects.toThrow();
  });

  it('takes over a lock left by a process that is gone', async () => {
    const file = join(directory, 'b.sqlite');
    await writeFile(`${file}.migrate.lock`, '999999999');
    await expect(withSqliteMigrationLock(file, async () => 'ran')).resolves.toBe('ran');
  });

  it('waits for a live owner and gives up after the timeout', async () => {
    const file = join(directory, 'c.sqlite');
    await writeFile(`${file}.migrate.lock`, String(process.ppid));
    await expect(withSqliteMigrationLock(file, async () => 'ran', { timeoutMs: 150, pollMs: 20 })).rejects.toThrow(
      /another migration is running/,
    );
  });

  it('releases the lock when the work fails', async () => {
    const file = join(directory, 'd.sqlite');
    await expect(withSqliteMigrationLock(file, () => Promise.reject(new Error('bad migration')))).rejects.toThrow('bad');
    await expect(withSqliteMigrationLock(file, async () => 'next')).resolves.toBe('next');
  });
});
