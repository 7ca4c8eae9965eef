import { QueryFailedError } from 'typeorm';
import { isTransientConflict } from './transient-conflict';

describe('isTransientConflict', () => {
  const wrapped = (driverError: object) => new QueryFailedError('INSERT ...', [], Object.assign(new Error('x'), driverError));

  it('knows MariaDB deadlocks and lock-wait timeouts, and a busy SQLite file', () => {
    expect(isTransientConflict(wrapped({ code: 'ER_LOCK_DEADLOCK', errno: 1213 }))).toBe(true);
    expect(isTransientConflict(wrapped({ errno: 1205 }))).toBe(true);
    expect(isTransientConflict(wrapped({ code: 'SQLITE_BUSY' }))).toBe(true);
  });

  it('is false for anything else', () => {
    expect(isTransientConflict(wrapped({ code: 'ER_DUP_ENTRY', errno: 1062 }))).toBe(false);
    expect(isTransientConflict(new Error('boom'))).toBe(false);
    expect(isTransientConflict(undefined)).toBe(false);
  });
});
