import { assertDatabaseName, mysqlUrlWithDatabase, parseMysqlUrl, redactMysqlUrl } from './mysql-url';

describe('parseMysqlUrl', () => {
  it('decodes every part and fills defaults', () => {
    expect(parseMysqlUrl('mysql://root@127.0.0.1:3306/gmdb_case')).toEqual({
      host: '127.0.0.1',
      port: 3306,
      user: 'root',
      password: '',
      database: 'gmdb_case',
    });
    expect(parseMysqlUrl('mysql://a%40b:p%3Ass@db/x')).toMatchObject({ user: 'a@b', password: 'p:ss', port: 3306 });
    expect(parseMysqlUrl('mysql://root@db').database).toBeUndefined();
  });

  it('refuses bad URLs and unsafe database names', () => {
    expect(() => parseMysqlUrl('http://db/x')).toThrow(/mysql:\/\//);
    expect(() => parseMysqlUrl('not a url')).toThrow(/Not a valid/);
    expect(() => parseMysqlUrl('mysql://db/x`;drop')).toThrow(/may only contain/);
    expect(() => assertDatabaseName('a'.repeat(65))).toThrow();
  });

  it('swaps the database and redacts passwords', () => {
    expect(mysqlUrlWithDatabase('mysql://root:pw@db:3306/a', 'b')).toBe('mysql://root:pw@db:3306/b');
    expect(redactMysqlUrl('mysql://root:pw@db:3306/a')).toBe('mysql://root:***@db:3306/a');
  });
});
