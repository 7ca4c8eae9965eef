import type { EntityClass, MigrationClass } from '@gmdb/platform';

/** Every table consent-service owns, in one list (TypeORM never globs the disk). */
export const consentServiceEntities: EntityClass[] = [];

/** consent-service's migrations in order. */
export const consentServiceMigrations: MigrationClass[] = [];
