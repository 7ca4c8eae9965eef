import type { DatabaseConnectionOptions } from './database-connection';

/**
 * One string for both engines, as config files and env vars hold it:
 * `mysql://user:pass@host:3306/gmdb_case` (or mariadb://) and `sqlite:./var/case.sqlite`
 * (also `sqlite://./var/case.sqlite`, `sqlite::memory:`).
 */
export function parseDatabaseUrl(url: string): DatabaseConnectionOptions {
  const trimmed = url.trim();
  if (/^(mysql|mariadb):\/\//i.test(trimmed)) return { kind: 'mysql', url: trimmed };
  const sqlite = /^sqlite:(?:\/\/)?(.+)$/i.exec(trimmed);
  if (sqlite) return { kind: 'sqlite', path: sqlite[1] };
  throw new Error(`Unsupported database URL "${trimmed.split('@').pop()}": use mysql://... or sqlite:<file>`);
}
