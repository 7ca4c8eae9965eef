import type { EntityClass, MigrationClass } from '@gmdb/platform';
import { GalleryCaseEntity } from '../entities/gallery-case.entity';
import { ImageEmbeddingEntity } from '../entities/image-embedding.entity';
import { CreateEmbeddingTables1764400000000 } from './1764400000000-create-embedding-tables.migration';

/** Every table inference-worker owns, in one list (TypeORM never globs the disk). */
export const inferenceWorkerEntities: EntityClass[] = [ImageEmbeddingEntity, GalleryCaseEntity];

/** inference-worker's migrations in order. */
export const inferenceWorkerMigrations: MigrationClass[] = [CreateEmbeddingTables1764400000000];
