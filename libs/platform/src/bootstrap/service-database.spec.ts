import { join } from 'node:path';
import { ConfigError } from '../config/config.error';
import { resolveServiceDatabase } from './service-database';

describe('resolveServiceDatabase', () => {
  const base = { dataDir: '/data', variable: 'CASE_DATABASE_URL', sqliteFile: 'case-service.sqlite' };

  it('uses the MySQL URL when one is given, in either mode', () => {
    for (const mode of ['standalone', 'distributed'] as const) {
      expect(resolveServiceDatabase({ ...base, mode, url: 'mysql://u:p@db:3306/gmdb_case' })).toEqual({
        kind: 'mysql',
        url: 'mysql://u:p@db:3306/gmdb_case',
      });
    }
  });

  it('falls back to a SQLite file under the data directory in standalone mode', () => {
    expect(resolveServiceDatabase({ ...base, mode: 'standalone', url: undefined })).toEqual({
      kind: 'sqlite',
      path: join('/data', 'case-service.sqlite'),
    });
  });

  it('refuses distributed mode without a database URL, naming the variable', () => {
    const run = () => resolveServiceDatabase({ ...base, mode: 'distributed', url: undefined });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(/CASE_DATABASE_URL: is required when GMDB_MODE=distributed/);
  });
});
