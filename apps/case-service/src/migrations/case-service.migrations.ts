import { CreateOpaqueCredentials1764201700000, OpaqueCredentialEntity, type EntityClass, type MigrationClass } from '@gmdb/platform';
import { ANALYSIS_ENTITIES, ANALYSIS_MIGRATIONS } from '../analyses/analysis.parts';
import { CASE_ENTITIES, CASE_MIGRATIONS } from '../cases/case.schema-parts';
import { COHORT_ENTITIES, COHORT_MIGRATIONS } from '../cohorts/cohort.parts';
import { DOCUMENT_ENTITIES, DOCUMENT_MIGRATIONS } from '../documents/document.parts';
import { IMAGE_ENTITIES, IMAGE_MIGRATIONS } from '../images/image.parts';

/** Every table case-service owns besides the outbox and inbox, in one list (TypeORM never globs the disk). */
export const caseServiceEntities: EntityClass[] = [OpaqueCredentialEntity, ...CASE_ENTITIES, ...IMAGE_ENTITIES, ...DOCUMENT_ENTITIES, ...ANALYSIS_ENTITIES, ...COHORT_ENTITIES];

/** case-service's migrations in order (the messaging tables' come first, added by the platform). */
export const caseServiceMigrations: MigrationClass[] = [CreateOpaqueCredentials1764201700000, ...CASE_MIGRATIONS, ...IMAGE_MIGRATIONS, ...DOCUMENT_MIGRATIONS, ...ANALYSIS_MIGRATIONS, ...COHORT_MIGRATIONS];
