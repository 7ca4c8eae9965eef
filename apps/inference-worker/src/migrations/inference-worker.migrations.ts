import type { EntityClass, MigrationClass } from '@gmdb/platform';

/** Every table inference-worker owns, in one list (TypeORM never globs the disk). */
export const inferenceWorkerEntities: EntityClass[] = [];

/** inference-worker's migrations in order. */
export const inferenceWorkerMigrations: MigrationClass[] = [];
