import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DatabaseConnectionOptions } from './database-connection';
import { parseMysqlUrl } from './mysql-url';

/** Creates the URL's database (utf8mb4) when it does not exist yet. Needs the CREATE privilege. */
export async function ensureMysqlDatabase(url: string): Promise<void> {
  const parts = parseMysqlUrl(url);
  if (!parts.database) throw new Error('The MySQL URL must name a database');
  const conn = await createConnection({
    host: parts.host,
    port: parts.port,
    user: parts.user,
    password: parts.password,
  });
  try {
    // The name was checked against [A-Za-z0-9_$] by parseMysqlUrl, so quoting is enough.
    await conn.query(
      `CREATE DATABASE IF NOT EXISTS \`${parts.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await conn.end();
  }
}

/** MySQL: create the database; SQLite: create the file's folder (the file appears on connect). */
export async function ensureDatabase(connection: DatabaseConnectionOptions): Promise<void> {
  if (connection.kind === 'mysql') return ensureMysqlDatabase(connection.url);
  if (connection.path === ':memory:') return;
  await mkdir(dirname(resolve(connection.path)), { recursive: true });
}
