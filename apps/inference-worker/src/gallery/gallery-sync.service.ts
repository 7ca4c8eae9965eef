import { EMBEDDING_SIZE } from '@gmdb/ml';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { WORKER_SETTINGS, type WorkerSettings } from '../config/worker-settings';
import { decodeEmbedding } from '../embedding/embedding.codec';
import type { ImageEmbeddingEntity } from '../entities/image-embedding.entity';
import { EmbeddingRepository, type IndexScope } from '../repositories/embedding.repository';
import { parseList } from '../repositories/gallery-case.repository';
import { GalleryIndexRepository, type IndexEntry } from '../repositories/gallery-index.repository';
import { ModelRepository } from '../repositories/model.repository';

const PAGE = 2000;

export interface SweepReport {
  added: number;
  updated: number;
  removed: number;
  ms: number;
}

/**
 * Keeps the in-memory index in line with the embedding table: built from the table once the
 * models are loaded (rows of the loaded model version and slot layout), then a periodic sweep
 * adds rows the index lacks (a crash between commit and index update, or another replica's
 * encode), refreshes rows changed since the last sweep and drops ids no longer in the table.
 */
@Injectable()
export class GallerySyncService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('GallerySync');
  private timer: NodeJS.Timeout | undefined;
  private lastSweep: Date | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
    private readonly models: ModelRepository,
    private readonly embeddings: EmbeddingRepository,
    private readonly gallery: GalleryIndexRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const first = this.models.models().then(
      (m) => this.rebuild({ modelVersion: m.version, slots: m.slots }),
      () => undefined,
    );
    if (this.settings.modelLoad === 'boot') await first.catch((e: unknown) => this.logger.error(`index build failed: ${String(e)}`));
    else void first.catch((e: unknown) => this.logger.error(`index build failed: ${String(e)}`));
    if (this.settings.sweepIntervalMs > 0) {
      this.timer = setInterval(() => void this.sweep().catch((e: unknown) => this.logger.warn(`sweep failed: ${String(e)}`)), this.settings.sweepIntervalMs);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running.catch(() => undefined);
  }

  /** Builds a new index from the table (start-up, `reindex`) and swaps it in; returns its size. */
  rebuild(scope: IndexScope): Promise<number> {
    return this.serial(async () => {
      const t0 = performance.now();
      const startedAt = new Date();
      const build = this.gallery.beginBuild(scope);
      let after: string | undefined;
      for (;;) {
        const rows = await this.embeddings.page(scope, after, PAGE);
        for (const row of rows) {
          const entry = entryOf(row);
          if (entry) this.gallery.addBuilt(build, entry, row.updatedAt);
        }
        if (rows.length < PAGE || this.stopped) break;
        after = rows[rows.length - 1].imageId;
      }
      this.gallery.finishBuild(scope, build);
      this.lastSweep = startedAt;
      this.logger.log(`gallery index built: ${build.index.size} images of ${scope.modelVersion} (${scope.slots} slots) in ${Math.round(performance.now() - t0)} ms`);
      return build.index.size;
    });
  }

  /** One sweep (the timer calls it; tests call it directly). */
  sweep(): Promise<SweepReport | undefined> {
    return this.serial(async () => {
      const scope = this.gallery.scope;
      if (!scope || this.stopped) return undefined;
      const t0 = performance.now();
      const startedAt = new Date();
      const slack = Math.max(1000, this.settings.sweepIntervalMs);
      // Rows written in the same millisecond as the last sweep, or by a replica whose clock lags a little.
      const since = new Date((this.lastSweep ?? new Date(0)).getTime() - slack);
      let updated = 0;
      for (const row of await this.embeddings.changedSince(scope, since)) {
        const entry = entryOf(row);
        if (entry && this.gallery.has(row.imageId) && this.gallery.applyFromTable(entry, row.updatedAt)) updated++;
      }
      const inTable = await this.embeddings.encodedIds(scope);
      let removed = 0;
      for (const imageId of this.gallery.imageIds()) {
        if (!inTable.has(imageId) && this.gallery.removeMissing(imageId, startedAt.getTime() - slack)) removed++;
      }
      let added = 0;
      const missing = [...inTable].filter((id) => !this.gallery.has(id));
      for (const row of await this.embeddings.encodedRows(scope, missing)) {
        const entry = entryOf(row);
        if (entry && this.gallery.applyFromTable(entry, row.updatedAt)) added++;
      }
      this.gallery.pruneTombstones(Math.max(10 * slack, 600_000));
      this.lastSweep = startedAt;
      const report = { added, updated, removed, ms: performance.now() - t0 };
      if (added > 0 || removed > 0) this.logger.log(`sweep: ${added} added, ${updated} updated, ${removed} removed in ${Math.round(report.ms)} ms`);
      return report;
    });
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.running.then(fn, fn);
    this.running = result.catch(() => undefined);
    return result;
  }
}

function entryOf(row: ImageEmbeddingEntity): IndexEntry | undefined {
  if (!row.embedding) return undefined;
  return {
    imageId: row.imageId,
    caseId: row.caseId,
    accessLevel: row.accessLevel,
    disorderIds: parseList(row.disorderIds),
    geneSymbols: parseList(row.geneSymbols),
    embedding: decodeEmbedding(row.embedding, row.slots * EMBEDDING_SIZE),
  };
}
