import { existsSync } from 'node:fs';
import { EMBEDDING_SIZE, type GalleryIndex } from '@gmdb/ml';
import { createDataSource } from '@gmdb/platform';
import type { DataSource } from 'typeorm';
import type { InferenceWorkerConfig } from '../config/inference-worker.config';
import { type WorkerSettings, workerSettings } from '../config/worker-settings';
import { decodeEmbedding } from '../embedding/embedding.codec';
import { inferenceWorkerDefinition } from '../inference-worker.definition';
import { EmbeddingRepository, type IndexScope } from '../repositories/embedding.repository';
import { type GalleryCase, GalleryCaseRepository, metaOf } from '../repositories/gallery-case.repository';
import { GalleryIndexRepository } from '../repositories/gallery-index.repository';

export { type WorkerSettings, workerSettings };

const PAGE = 2000;

/** The index is only filled here, never searched: its searcher choice does not matter. */
const BUILD_ONLY = { searchBackend: 'js' } as WorkerSettings;

/**
 * The gallery as the worker's embedding table holds it now, for one model version and slot
 * layout (e.g. for `gmdb analyze` outside the worker). Built with the worker's own pieces: the
 * encoded rows of the scope (`EmbeddingRepository.page`), each case's metadata from the
 * worker's case table through `metaOf` (a case the worker has not heard of is private without
 * labels), and the index entry rules of `GalleryIndexRepository` (anything but fair is private,
 * so never named as a patient). Photos of a withdrawn case are never included, even where a row
 * outlived the withdrawal.
 */
export async function loadGallerySnapshot(dataSource: DataSource, scope: IndexScope): Promise<GalleryIndex> {
  const embeddings = new EmbeddingRepository(dataSource);
  const cases = new GalleryCaseRepository();
  const known = new Map<string, GalleryCase | null>();
  const builder = new GalleryIndexRepository(BUILD_ONLY);
  const build = builder.beginBuild(scope);
  try {
    let after: string | undefined;
    for (;;) {
      const rows = await embeddings.page(scope, after, PAGE);
      for (const row of rows) {
        if (!row.embedding) continue;
        if (!known.has(row.caseId)) known.set(row.caseId, await cases.find(dataSource.manager, row.caseId));
        const found = known.get(row.caseId) ?? null;
        if (found?.accessLevel === 'withdrawn') continue;
        const embedding = decodeEmbedding(row.embedding, row.slots * EMBEDDING_SIZE);
        builder.addBuilt(build, { imageId: row.imageId, caseId: row.caseId, ...metaOf(found), embedding }, row.updatedAt);
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1].imageId;
    }
  } finally {
    await builder.onApplicationShutdown();
  }
  return build.index;
}

/** Raised by `openWorkerDatabase` when the database is missing or not migrated; `code` says which. */
export class WorkerDatabaseError extends Error {
  constructor(
    readonly code: 'WORKER_DATABASE_MISSING' | 'WORKER_DATABASE_NOT_MIGRATED',
    message: string,
  ) {
    super(message);
    this.name = 'WorkerDatabaseError';
  }
}

/**
 * Connects to the worker's database as the worker would (`WORKER_DATABASE_URL`; standalone
 * without it: `$GMDB_DATA_DIR/inference-worker.sqlite`), with its tables. Refuses a standalone
 * file that does not exist and a database whose migrations have not all run. Close it with
 * `destroy()`.
 */
export async function openWorkerDatabase(config: InferenceWorkerConfig): Promise<DataSource> {
  const { database, entities, migrations } = inferenceWorkerDefinition;
  if (!database) throw new Error('inference-worker has no database definition');
  const connection = database(config);
  if (connection.kind === 'sqlite' && !existsSync(connection.path)) {
    throw new WorkerDatabaseError('WORKER_DATABASE_MISSING', `no inference-worker database at ${connection.path}: start the worker once (\`gmdb start\`) or run \`gmdb migrate inference-worker\``);
  }
  const dataSource = await createDataSource(connection, { entities, migrations });
  try {
    if (await dataSource.showMigrations()) {
      throw new WorkerDatabaseError('WORKER_DATABASE_NOT_MIGRATED', 'inference-worker\u2019s database is not migrated: run `gmdb migrate inference-worker` first');
    }
  } catch (e) {
    await dataSource.destroy();
    throw e;
  }
  return dataSource;
}
