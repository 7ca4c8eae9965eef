import type { EntitySchema, MigrationInterface } from 'typeorm';

/**
 * Where a service keeps its tables. Distributed mode: one MariaDB database per service
 * (`mysql://user:pass@host:3306/gmdb_case`). Standalone mode: one SQLite file per service
 * under ./var.
 */
export type DatabaseConnectionOptions = { kind: 'mysql'; url: string } | { kind: 'sqlite'; path: string };

/** A TypeORM entity class (decorated) or an EntitySchema. */
export type EntityClass = (abstract new (...args: never[]) => object) | EntitySchema;

/** A TypeORM migration class; the list is given explicitly, never globbed from disk. */
export type MigrationClass = new () => MigrationInterface;

/** The slice of a logger the database and messaging code needs (Nest's Logger fits). */
export interface PlatformLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, trace?: string): void;
}
