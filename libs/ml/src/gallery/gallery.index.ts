import { EMBEDDING_SIZE } from '../generate/iresnet.arch';
import { EmbeddingStore } from './embedding.store';
import { GalleryImageMeta } from './gallery-image.meta';

/** A row's metadata with its labels interned as small integers (for the ranking pass). */
export interface IndexedRow {
  meta: GalleryImageMeta;
  disorders: readonly number[];
  genes: readonly number[];
  patient: number;
}

/** Interns strings as dense integers; the ids never shrink (removed labels just stop occurring). */
export class LabelTable {
  private readonly ids = new Map<string, number>();
  readonly labels: string[] = [];

  intern(label: string): number {
    let id = this.ids.get(label);
    if (id === undefined) {
      id = this.labels.length;
      this.ids.set(label, id);
      this.labels.push(label);
    }
    return id;
  }

  get size(): number {
    return this.labels.length;
  }
}

/**
 * The in-memory gallery: one slot-normalised embedding per image plus what ranking needs (case,
 * disorders, genes, access level). Built from the embedding table at start and kept current by
 * events: upsert (encoded / re-encoded), updateMeta and setCaseAccess (consent or access level
 * changed), remove / removeCase (deleted, withdrawn). Exact search runs over `store`.
 */
export class GalleryIndex {
  readonly store: EmbeddingStore;
  readonly disorders = new LabelTable();
  readonly genes = new LabelTable();
  readonly patients = new LabelTable();
  private readonly rows: IndexedRow[] = [];
  private readonly rowOf = new Map<string, number>();
  private readonly imagesOfCase = new Map<string, Set<string>>();

  constructor(
    readonly slots: number,
    readonly dim: number = EMBEDDING_SIZE,
    rowsPerBlock?: number,
  ) {
    this.store = new EmbeddingStore(slots, dim, rowsPerBlock);
  }

  get size(): number {
    return this.rows.length;
  }

  has(imageId: string): boolean {
    return this.rowOf.has(imageId);
  }

  get(imageId: string): GalleryImageMeta | undefined {
    const row = this.rowOf.get(imageId);
    return row === undefined ? undefined : this.rows[row].meta;
  }

  /** Row metadata by row number (0..size-1), for the search and ranking passes. */
  rowAt(row: number): IndexedRow {
    return this.rows[row];
  }

  /** Adds the image, or replaces its embedding and metadata: running it twice leaves one entry. */
  upsert(meta: GalleryImageMeta, embedding: Float32Array): void {
    const existing = this.rowOf.get(meta.imageId);
    if (existing === undefined) {
      const row = this.store.append(embedding);
      this.rows[row] = this.indexed(meta);
      this.rowOf.set(meta.imageId, row);
    } else {
      this.store.set(existing, embedding);
      this.unlinkCase(this.rows[existing].meta);
      this.rows[existing] = this.indexed(meta);
    }
    this.linkCase(meta);
  }

  /** Changes metadata of an indexed image (diagnosis corrected, access level changed); false if absent. */
  updateMeta(imageId: string, patch: Partial<Omit<GalleryImageMeta, 'imageId'>>): boolean {
    const row = this.rowOf.get(imageId);
    if (row === undefined) return false;
    const meta = { ...this.rows[row].meta, ...patch, imageId };
    this.unlinkCase(this.rows[row].meta);
    this.rows[row] = this.indexed(meta);
    this.linkCase(meta);
    return true;
  }

  /** A case's access level changed: `withdrawn` removes its images; returns how many images changed. */
  setCaseAccess(caseId: string, accessLevel: GalleryImageMeta['accessLevel'] | 'withdrawn'): number {
    if (accessLevel === 'withdrawn') return this.removeCase(caseId);
    const images = [...(this.imagesOfCase.get(caseId) ?? [])];
    for (const imageId of images) this.updateMeta(imageId, { accessLevel });
    return images.length;
  }

  remove(imageId: string): boolean {
    const row = this.rowOf.get(imageId);
    if (row === undefined) return false;
    this.unlinkCase(this.rows[row].meta);
    this.rowOf.delete(imageId);
    const moved = this.store.removeSwapLast(row);
    if (moved >= 0) {
      this.rows[row] = this.rows[moved];
      this.rowOf.set(this.rows[row].meta.imageId, row);
    }
    this.rows.pop();
    return true;
  }

  removeCase(caseId: string): number {
    const images = [...(this.imagesOfCase.get(caseId) ?? [])];
    for (const imageId of images) this.remove(imageId);
    return images.length;
  }

  private indexed(meta: GalleryImageMeta): IndexedRow {
    const frozen: GalleryImageMeta = { ...meta, disorderIds: [...meta.disorderIds], geneIds: [...meta.geneIds] };
    return {
      meta: frozen,
      disorders: [...new Set(frozen.disorderIds)].map((d) => this.disorders.intern(d)),
      genes: [...new Set(frozen.geneIds)].map((g) => this.genes.intern(g)),
      patient: this.patients.intern(frozen.caseId),
    };
  }

  private linkCase(meta: GalleryImageMeta): void {
    let set = this.imagesOfCase.get(meta.caseId);
    if (!set) this.imagesOfCase.set(meta.caseId, (set = new Set()));
    set.add(meta.imageId);
  }

  private unlinkCase(meta: GalleryImageMeta): void {
    const set = this.imagesOfCase.get(meta.caseId);
    set?.delete(meta.imageId);
    if (set && set.size === 0) this.imagesOfCase.delete(meta.caseId);
  }
}
