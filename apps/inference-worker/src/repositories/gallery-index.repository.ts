import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { GalleryIndex, type GalleryImageMeta, type GallerySearcher, JsSearcher, OrtSearcher, type RankOptions, type Ranking, rankGallery } from '@gmdb/ml';
import { WORKER_SETTINGS, type WorkerSettings } from '../config/worker-settings';
import type { GalleryMeta, IndexScope } from './embedding.repository';

/** One photo as the index keeps it. */
export interface IndexEntry extends GalleryMeta {
  imageId: string;
  caseId: string;
  embedding: Float32Array;
}

/**
 * The in-memory gallery index of this process (exact search). It is empty until the sync service
 * builds it from the embedding table for the loaded model version; `ready()` waits for that.
 *
 * Handlers change it at once (before their transaction commits), the sweep from committed rows.
 * So that a sweep never puts back what a handler just changed, every entry remembers the
 * `updated_at` of the data it holds and every removal leaves a tombstone: the sweep applies a
 * row only when it is newer than both. Removals during a build are replayed on the built index.
 */
@Injectable()
export class GalleryIndexRepository implements OnApplicationShutdown {
  private index: GalleryIndex | undefined;
  private scopeOf: IndexScope | undefined;
  private readonly searcher: GallerySearcher;
  private building: { removedImages: Set<string>; removedCases: Set<string> } | undefined;
  /** updated_at (ms) of the data each indexed image holds. */
  private appliedAt = new Map<string, number>();
  /** When a handler last indexed an image (its row may not be committed yet), ms. */
  private readonly handlerIndexedAt = new Map<string, number>();
  /** When an image (`i:<id>`) or a case (`c:<id>`) was removed, ms. */
  private readonly tombstones = new Map<string, number>();
  private resolveReady!: () => void;
  private readonly readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));

  constructor(@Inject(WORKER_SETTINGS) settings: WorkerSettings) {
    this.searcher = settings.searchBackend === 'ort' ? new OrtSearcher() : new JsSearcher();
  }

  /** Resolves once the first build from the table went live. */
  ready(): Promise<void> {
    return this.readyPromise;
  }

  get isReady(): boolean {
    return this.index !== undefined;
  }

  get scope(): IndexScope | undefined {
    return this.scopeOf;
  }

  get size(): number {
    return this.index?.size ?? 0;
  }

  has(imageId: string): boolean {
    return this.index?.has(imageId) ?? false;
  }

  get(imageId: string): GalleryImageMeta | undefined {
    return this.index?.get(imageId);
  }

  /** Ids of every indexed image (the sweep's reconcile pass). */
  imageIds(): string[] {
    const index = this.index;
    if (!index) return [];
    const ids: string[] = [];
    for (let row = 0; row < index.size; row++) ids.push(index.rowAt(row).meta.imageId);
    return ids;
  }

  /** Starts a build: a fresh index the caller fills (`addBuilt`), then `finishBuild` swaps it in. */
  beginBuild(scope: IndexScope): { index: GalleryIndex; appliedAt: Map<string, number> } {
    this.building = { removedImages: new Set(), removedCases: new Set() };
    return { index: new GalleryIndex(scope.slots), appliedAt: new Map() };
  }

  addBuilt(build: { index: GalleryIndex; appliedAt: Map<string, number> }, entry: IndexEntry, updatedAt: Date): void {
    build.index.upsert(toMeta(entry), entry.embedding);
    build.appliedAt.set(entry.imageId, updatedAt.getTime());
  }

  finishBuild(scope: IndexScope, build: { index: GalleryIndex; appliedAt: Map<string, number> }): void {
    for (const imageId of this.building?.removedImages ?? []) build.index.remove(imageId);
    for (const caseId of this.building?.removedCases ?? []) build.index.removeCase(caseId);
    this.building = undefined;
    this.index = build.index;
    this.appliedAt = build.appliedAt;
    this.scopeOf = scope;
    this.resolveReady();
  }

  /** A handler encoded the image (its row was written with `updatedAt`). */
  upsert(entry: IndexEntry, updatedAt: Date): void {
    if (!this.index) return;
    this.index.upsert(toMeta(entry), entry.embedding);
    this.appliedAt.set(entry.imageId, updatedAt.getTime());
    this.handlerIndexedAt.set(entry.imageId, Date.now());
    this.tombstones.delete(`i:${entry.imageId}`);
  }

  /** The sweep found a committed row: applied only when newer than what the index holds and than any removal. */
  applyFromTable(entry: IndexEntry, updatedAt: Date): boolean {
    if (!this.index) return false;
    const t = updatedAt.getTime();
    const newest = Math.max(this.appliedAt.get(entry.imageId) ?? -1, this.tombstones.get(`i:${entry.imageId}`) ?? -1, this.tombstones.get(`c:${entry.caseId}`) ?? -1);
    if (t <= newest) return false;
    this.index.upsert(toMeta(entry), entry.embedding);
    this.appliedAt.set(entry.imageId, t);
    this.handlerIndexedAt.delete(entry.imageId);
    return true;
  }

  /** The sweep found no row for an indexed image: removed unless a handler indexed it after `before` (not committed yet). */
  removeMissing(imageId: string, before: number): boolean {
    if ((this.handlerIndexedAt.get(imageId) ?? -1) >= before) return false;
    this.appliedAt.delete(imageId);
    this.handlerIndexedAt.delete(imageId);
    return this.index?.remove(imageId) ?? false;
  }

  /** A handler changed a case's gallery metadata (rows written with `updatedAt`). */
  updateCase(caseId: string, meta: GalleryMeta, updatedAt: Date): void {
    const index = this.index;
    if (!index) return;
    for (const imageId of this.imagesOfCase(caseId)) {
      index.updateMeta(imageId, toMeta({ ...meta, imageId, caseId }));
      this.appliedAt.set(imageId, updatedAt.getTime());
    }
  }

  remove(imageId: string): boolean {
    this.building?.removedImages.add(imageId);
    this.tombstones.set(`i:${imageId}`, Date.now());
    this.appliedAt.delete(imageId);
    this.handlerIndexedAt.delete(imageId);
    return this.index?.remove(imageId) ?? false;
  }

  removeCase(caseId: string): number {
    this.building?.removedCases.add(caseId);
    this.tombstones.set(`c:${caseId}`, Date.now());
    for (const imageId of this.imagesOfCase(caseId)) this.appliedAt.delete(imageId);
    return this.index?.removeCase(caseId) ?? 0;
  }

  /** Forgets tombstones older than `olderThanMs` (the sweep calls it). */
  pruneTombstones(olderThanMs: number): void {
    const limit = Date.now() - olderThanMs;
    for (const [key, t] of this.tombstones) if (t < limit) this.tombstones.delete(key);
    for (const [key, t] of this.handlerIndexedAt) if (t < limit) this.handlerIndexedAt.delete(key);
  }

  /** Ranks the gallery for one query (raw slot-major embedding of the index's slot layout). */
  async rank(query: Float32Array, options: RankOptions = {}): Promise<Ranking> {
    const index = this.index;
    if (!index) throw new Error('the gallery index is not built yet');
    const distances = await this.searcher.distances(index, query);
    return rankGallery(index, distances, options);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.searcher.dispose();
  }

  private imagesOfCase(caseId: string): string[] {
    const index = this.index;
    if (!index) return [];
    const ids: string[] = [];
    for (let row = 0; row < index.size; row++) {
      const meta = index.rowAt(row).meta;
      if (meta.caseId === caseId) ids.push(meta.imageId);
    }
    return ids;
  }
}

function toMeta(entry: Omit<IndexEntry, 'embedding'>): GalleryImageMeta {
  return {
    imageId: entry.imageId,
    caseId: entry.caseId,
    disorderIds: [...entry.disorderIds],
    geneIds: [...entry.geneSymbols],
    accessLevel: entry.accessLevel === 'fair' ? 'fair' : 'private',
  };
}
