import { CreateOpaqueCredentials1764201700000, OpaqueCredentialEntity, type EntityClass, type MigrationClass } from '@gmdb/platform';

/** Every table case-service owns besides the outbox and inbox, in one list (TypeORM never globs the disk). */
export const caseServiceEntities: EntityClass[] = [OpaqueCredentialEntity];

/** case-service's migrations in order (the messaging tables' come first, added by the platform). */
export const caseServiceMigrations: MigrationClass[] = [CreateOpaqueCredentials1764201700000];
