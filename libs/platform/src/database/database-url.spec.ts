import { parseDatabaseUrl } from './database-url';

describe('parseDatabaseUrl', () => {
  it('reads MySQL and MariaDB URLs', () => {
    expect(parseDatabaseUrl('mysql://root@127.0.0.1:3306/gmdb_case')).toEqual({
      kind: 'mysql',
      url: 'mysql://root@127.0.0.1:3306/gmdb_case',
    });
    expect(parseDatabaseUrl('mariadb://u:p@db/x').kind).toBe('mysql');
  });

  it('reads SQLite file URLs', () => {
    expect(parseDatabaseUrl('sqlite:./var/case.sqlite')).toEqual({ kind: 'sqlite', path: './var/case.sqlite' });
    expect(parseDatabaseUrl('sqlite:///tmp/a.sqlite')).toEqual({ kind: 'sqlite', path: '/tmp/a.sqlite' });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ kind: 'sqlite', path: ':memory:' });
  });

  it('refuses other schemes without echoing credentials', () => {
    expect(() => parseDatabaseUrl('postgres://user:secret@host/db')).toThrow(/host\/db/);
    expect(() => parseDatabaseUrl('postgres://user:secret@host/db')).not.toThrow(/secret/);
  });
});
