/** The parts of a `mysql://user:password@host:port/database` URL, decoded. */
export interface MysqlUrlParts {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string | undefined;
}

const DATABASE_NAME = /^[A-Za-z0-9_$]{1,64}$/;

export function parseMysqlUrl(url: string): MysqlUrlParts {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Not a valid MySQL URL: ${redactMysqlUrl(url)}`);
  }
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
    throw new Error(`A MySQL URL must start with mysql:// (got ${parsed.protocol}//)`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || undefined;
  if (database !== undefined) assertDatabaseName(database);
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username || 'root'),
    password: decodeURIComponent(parsed.password),
    database,
  };
}

/** The same server and credentials, another database. */
export function mysqlUrlWithDatabase(url: string, database: string): string {
  assertDatabaseName(database);
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Database names go into DDL unquoted-safe: letters, digits, `_` and `$` only. */
export function assertDatabaseName(name: string): void {
  if (!DATABASE_NAME.test(name)) {
    throw new Error(`Database name "${name}" may only contain letters, digits, _ and $ (at most 64)`);
  }
}

/** For error messages and logs: the URL without its password. */
export function redactMysqlUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
