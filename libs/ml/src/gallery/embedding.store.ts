import { normalizeSlots } from '../distance/cosine.distance';

/** Most bytes per block: keeps every typed array below V8's 4 GiB limit and growth cheap. */
const BLOCK_BYTES = 256 * 1024 * 1024;

/**
 * Dense rows of slot-normalised embeddings, in fixed-size blocks (1M x 12 x 512 float32 is 24 GiB;
 * one typed array may hold at most 4 GiB). Rows are addressed 0..size-1; removing a row moves the
 * last row into its place, so the rows stay dense for the matmul.
 */
export class EmbeddingStore {
  readonly width: number;
  readonly rowsPerBlock: number;
  private readonly blocks: Float32Array[] = [];
  private count = 0;

  constructor(
    readonly slots: number,
    readonly dim: number,
    rowsPerBlock?: number,
  ) {
    this.width = slots * dim;
    this.rowsPerBlock = rowsPerBlock ?? Math.max(256, Math.floor(BLOCK_BYTES / (this.width * 4)));
  }

  get size(): number {
    return this.count;
  }

  get blockCount(): number {
    return Math.ceil(this.count / this.rowsPerBlock);
  }

  /** Rows [block * rowsPerBlock, ...) as one matrix [rows, width] (a view, no copy). */
  block(index: number): Float32Array {
    const rows = Math.min(this.rowsPerBlock, this.count - index * this.rowsPerBlock);
    return this.blocks[index].subarray(0, rows * this.width);
  }

  /** Appends a raw embedding (normalised here); returns its row. */
  append(embedding: Float32Array): number {
    this.checkLength(embedding);
    const row = this.count;
    const b = Math.floor(row / this.rowsPerBlock);
    if (b === this.blocks.length) this.blocks.push(new Float32Array(this.rowsPerBlock * this.width));
    normalizeSlots(embedding, this.slots, this.blocks[b], (row % this.rowsPerBlock) * this.width);
    this.count++;
    return row;
  }

  /** Replaces row `row` with a raw embedding (normalised here). */
  set(row: number, embedding: Float32Array): void {
    this.checkLength(embedding);
    this.checkRow(row);
    normalizeSlots(embedding, this.slots, this.blocks[Math.floor(row / this.rowsPerBlock)], (row % this.rowsPerBlock) * this.width);
  }

  /** The stored (normalised) row, as a view. */
  row(row: number): Float32Array {
    this.checkRow(row);
    const start = (row % this.rowsPerBlock) * this.width;
    return this.blocks[Math.floor(row / this.rowsPerBlock)].subarray(start, start + this.width);
  }

  /** Moves the last row into `row` and shrinks by one; returns the row that moved (or -1). */
  removeSwapLast(row: number): number {
    this.checkRow(row);
    const last = this.count - 1;
    if (row !== last) this.row(row).set(this.row(last));
    this.count--;
    if (this.blocks.length > Math.ceil(this.count / this.rowsPerBlock) + 1) this.blocks.pop();
    return row === last ? -1 : last;
  }

  private checkLength(embedding: Float32Array): void {
    if (embedding.length !== this.width) throw new RangeError(`embedding has ${embedding.length} values, the index holds ${this.slots} x ${this.dim}`);
  }

  private checkRow(row: number): void {
    if (!Number.isInteger(row) || row < 0 || row >= this.count) throw new RangeError(`row ${row} out of range [0, ${this.count})`);
  }
}
