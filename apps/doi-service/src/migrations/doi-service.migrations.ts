import type { EntityClass, MigrationClass } from '@gmdb/platform';

/** Every table doi-service owns, in one list (TypeORM never globs the disk). */
export const doiServiceEntities: EntityClass[] = [];

/** doi-service's migrations in order. */
export const doiServiceMigrations: MigrationClass[] = [];
