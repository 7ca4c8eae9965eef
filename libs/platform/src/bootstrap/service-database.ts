import { join } from 'node:path';
import { ConfigError } from '../config/config.error';
import { env } from '../config/config.fields';
import type { DatabaseConnectionOptions } from '../database/database-connection';

/** `<PREFIX>_DATABASE_URL`: the service's own MySQL database; required in distributed mode. */
export function databaseUrlField(service: string, example: string) {
  return env
    .string(`MySQL/MariaDB database of ${service} (distributed mode; e.g. ${example}); standalone uses SQLite`, {
      regex: /^mysql:\/\/[^/]+\/[A-Za-z0-9_$]+(\?.*)?$/,
      hint: `must be a MySQL URL naming a database, e.g. ${example}`,
    })
    .optional();
}

export interface ServiceDatabaseInput {
  mode: 'standalone' | 'distributed';
  dataDir: string;
  /** The `<PREFIX>_DATABASE_URL` value. */
  url: string | undefined;
  /** The variable's name, for the error message. */
  variable: string;
  /** The SQLite file name in standalone mode, e.g. case-service.sqlite. */
  sqliteFile: string;
}

/**
 * Distributed mode: the service's MySQL database (the variable is required). Standalone mode:
 * the URL when one is given, else a SQLite file under GMDB_DATA_DIR.
 */
export function resolveServiceDatabase(input: ServiceDatabaseInput): DatabaseConnectionOptions {
  if (input.url) return { kind: 'mysql', url: input.url };
  if (input.mode === 'distributed') {
    throw new ConfigError([{ variable: input.variable, message: 'is required when GMDB_MODE=distributed' }]);
  }
  return { kind: 'sqlite', path: join(input.dataDir, input.sqliteFile) };
}
