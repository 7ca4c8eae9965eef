import { QueryFailedError } from 'typeorm';
import { isUniqueViolation } from './unique-violation';

describe('isUniqueViolation', () => {
  const wrap = (driverError: object) => new QueryFailedError('INSERT', [], Object.assign(new Error('x'), driverError));

  it('recognises MySQL and SQLite duplicate keys', () => {
    expect(isUniqueViolation(wrap({ code: 'ER_DUP_ENTRY', errno: 1062 }))).toBe(true);
    expect(isUniqueViolation(wrap({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }))).toBe(true);
    expect(isUniqueViolation(wrap({ code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBe(true);
  });

  it('ignores other failures', () => {
    expect(isUniqueViolation(wrap({ code: 'ER_NO_SUCH_TABLE', errno: 1146 }))).toBe(false);
    expect(isUniqueViolation(wrap({ code: 'SQLITE_CONSTRAINT_NOTNULL' }))).toBe(false);
    expect(isUniqueViolation(new Error('boom'))).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
  });
});
