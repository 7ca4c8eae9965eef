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

  /** The id of a label already interned, without interning it. */
  idOf(label: string): number | undefined {
    return this.ids.get(label);
  }

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
 * One label list per row in typed arrays: the first two ids inline (−1: none), any further ones
 * (rare: a case with three or more disorders) in `rest`, which then holds the whole list.
 */
export class RowLabelColumn {
  first = new Int32Array(0);
  second = new Int32Array(0);
  readonly rest = new Map<number, readonly number[]>();

  grow(capacity: number): void {
    this.first = grown(this.first, capacity);
    this.second = grown(this.second, capacity);
  }

  set(row: number, labels: readonly number[]): void {
    this.first[row] = labels.length > 0 ? labels[0] : -1;
    this.second[row] = labels.length > 1 ? labels[1] : -1;
    if (labels.length > 2) this.rest.set(row, labels);
    else this.rest.delete(row);
  }
}

/**
 * What the ranking pass reads of every row, in typed arrays indexed by row number: its patient
 * (case) id, whether it is FAIR, its disorder and gene ids. The row objects lie scattered over
 * the heap; right after an encoder run has streamed its weights through the caches, reading 10k
 * of them made a ranking 2.5–3× slower (2.3 → 5.7–7.5 ms) than these arrays do.
 */
export class RowColumns {
  /** Image ids by row: a list's nearest image is named without reaching its row object. */
  readonly imageId: string[] = [];
  patient = new Int32Array(0);
  fair = new Uint8Array(0);
  readonly disorders = new RowLabelColumn();
  readonly genes = new RowLabelColumn();

  set(row: number, indexed: IndexedRow): void {
    if (row >= this.patient.length) {
      const capacity = Math.max(1024, 2 * this.patient.length, row + 1);
      this.patient = grown(this.patient, capacity);
      this.fair = grown(this.fair, capacity);
      this.disorders.grow(capacity);
      this.genes.grow(capacity);
    }
    this.imageId[row] = indexed.meta.imageId;
    this.patient[row] = indexed.patient;
    this.fair[row] = indexed.meta.accessLevel === 'fair' ? 1 : 0;
    this.disorders.set(row, indexed.disorders);
    this.genes.set(row, indexed.genes);
  }

  /** Forgets the last row (after a removal), its overflow lists too. */
  clear(row: number): void {
    this.imageId.length = row;
    this.disorders.rest.delete(row);
    this.genes.rest.delete(row);
  }
}

function grown<T extends Int32Array | Uint8Array>(array: T, capacity: number): T {
  if (array.length >= capacity) return array;
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  return next;
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
  /** The rows' patients, access levels and labels as typed arrays, for the ranking pass. */
  readonly columns = new RowColumns();
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
      this.setRow(row, this.indexed(meta));
      this.rowOf.set(meta.imageId, row);
    } else {
      this.store.set(existing, embedding);
      this.unlinkCase(this.rows[existing].meta);
      this.setRow(existing, this.indexed(meta));
    }
    this.linkCase(meta);
  }

  /** Changes metadata of an indexed image (diagnosis corrected, access level changed); false if absent. */
  updateMeta(imageId: string, patch: Partial<Omit<GalleryImageMeta, 'imageId'>>): boolean {
    const row = this.rowOf.get(imageId);
    if (row === undefined) return false;
    const meta = { ...this.rows[row].meta, ...patch, imageId };
    this.unlinkCase(this.rows[row].meta);
    this.setRow(row, this.indexed(meta));
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
      this.setRow(row, this.rows[moved]);
      this.rowOf.set(this.rows[row].meta.imageId, row);
    }
    this.rows.pop();
    this.columns.clear(this.rows.length);
    return true;
  }

  removeCase(caseId: string): number {
    const images = [...(this.imagesOfCase.get(caseId) ?? [])];
    for (const imageId of images) this.remove(imageId);
    return images.length;
  }

  private setRow(row: number, indexed: IndexedRow): void {
    this.rows[row] = indexed;
    this.columns.set(row, indexed);
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
