import { compareIds } from '../common/compare-ids';
import { pythonRound } from '../common/python-round';
import { GalleryIndex, RowLabelColumn } from '../gallery/gallery.index';

/** gestalt score = GESTALT_SCORE_OFFSET − distance (the reference service, v1.1.x). */
export const GESTALT_SCORE_OFFSET = 1.3;

export function gestaltScore(distance: number): number {
  return pythonRound(GESTALT_SCORE_OFFSET - distance, 3);
}

export interface RankOptions {
  /** Drop gallery images at distance <= this (the reference drops d <= 0.3: likely the same patient). Off when undefined. */
  excludeWithin?: number;
  /** Images of these cases never take part (e.g. the analysed patient's own photos). */
  excludeCaseIds?: readonly string[];
  /** Length of the image and patient lists (default 100, as the reference service). */
  topImages?: number;
  topPatients?: number;
  /** Length of the disorder and gene lists (default: all). */
  topDisorders?: number;
  topGenes?: number;
}

export interface RankedImage {
  imageId: string;
  caseId: string;
  distance: number;
  gestaltScore: number;
}

/** A disorder, gene or patient at the distance of its nearest image. */
export interface RankedLabel {
  id: string;
  distance: number;
  gestaltScore: number;
  /** The nearest image (for patients only ever a FAIR one; for disorders and genes it may be private and must not be shown). */
  nearestImageId: string;
}

export interface Ranking {
  /** FAIR images only, ascending by distance, ties by image id. */
  images: RankedImage[];
  disorders: RankedLabel[];
  genes: RankedLabel[];
  /** FAIR cases only: a private case never appears here. */
  patients: RankedLabel[];
  /** How many gallery images took part. */
  galleryImages: number;
}

/**
 * Ranks the gallery for one query from its distance to every row (GallerySearcher.distances):
 * images ascending by distance with a stable tie-break on image id; a disorder's, gene's or
 * patient's distance is that of its nearest image, and labels are ordered like their nearest
 * image's first occurrence in the image ranking (then by id). Private images count for disorders
 * and genes but are never listed and never make a patient appear.
 */
export function rankGallery(index: GalleryIndex, distances: Float32Array, options: RankOptions = {}): Ranking {
  if (distances.length !== index.size) throw new RangeError(`${distances.length} distances for ${index.size} gallery images`);
  // Excluded cases as patient ids; a case the index does not hold excludes nothing.
  const excluded = new Set((options.excludeCaseIds ?? []).flatMap((c) => index.patients.idOf(c) ?? []));
  const within = options.excludeWithin;
  const disorderBest = new Int32Array(index.disorders.size).fill(-1);
  const geneBest = new Int32Array(index.genes.size).fill(-1);
  const patientBest = new Int32Array(index.patients.size).fill(-1);
  // Typed, sized once: pushing 900k rows onto an array took 90 ms of a 1M-image ranking.
  const fairRows = new Int32Array(distances.length);
  let fairCount = 0;
  let used = 0;
  const { imageId, patient, fair, disorders, genes } = index.columns;
  const better = (row: number, than: number) => than < 0 || distances[row] < distances[than] || (distances[row] === distances[than] && compareIds(imageId[row], imageId[than]) < 0);
  const nearer = (labels: RowLabelColumn, row: number, best: Int32Array) => {
    const first = labels.first[row];
    if (first < 0) return;
    if (better(row, best[first])) best[first] = row;
    const second = labels.second[row];
    if (second < 0) return;
    if (better(row, best[second])) best[second] = row;
    const all = labels.rest.size > 0 ? labels.rest.get(row) : undefined;
    if (all) for (let k = 2; k < all.length; k++) if (better(row, best[all[k]])) best[all[k]] = row;
  };
  // Only the columns are read per row (see RowColumns); row objects only for the listed images.
  for (let row = 0; row < distances.length; row++) {
    if (within !== undefined && distances[row] <= within) continue;
    if (excluded.size > 0 && excluded.has(patient[row])) continue;
    used++;
    nearer(disorders, row, disorderBest);
    nearer(genes, row, geneBest);
    if (fair[row]) {
      fairRows[fairCount++] = row;
      if (better(row, patientBest[patient[row]])) patientBest[patient[row]] = row;
    }
  }
  const byImage = (a: number, b: number) => distances[a] - distances[b] || compareIds(imageId[a], imageId[b]);
  const labels = (best: Int32Array, names: readonly string[], limit?: number): RankedLabel[] => {
    const all = new Int32Array(best.length);
    let count = 0;
    for (let i = 0; i < best.length; i++) if (best[i] >= 0) all[count++] = i;
    const present = all.subarray(0, count);
    const byNearest = (a: number, b: number) => byImage(best[a], best[b]) || compareIds(names[a], names[b]);
    return topRows(present, limit ?? present.length, (i) => distances[best[i]], byNearest).map((i) => {
      const row = best[i];
      return { id: names[i], distance: distances[row], gestaltScore: gestaltScore(distances[row]), nearestImageId: imageId[row] };
    });
  };
  const images = topRows(fairRows.subarray(0, fairCount), options.topImages ?? 100, (row) => distances[row], byImage).map((row) => {
    const meta = index.rowAt(row).meta;
    return { imageId: meta.imageId, caseId: meta.caseId, distance: distances[row], gestaltScore: gestaltScore(distances[row]) };
  });
  return {
    images,
    disorders: labels(disorderBest, index.disorders.labels, options.topDisorders),
    genes: labels(geneBest, index.genes.labels, options.topGenes),
    patients: labels(patientBest, index.patients.labels, options.topPatients ?? 100),
    galleryImages: used,
  };
}

/**
 * The `limit` smallest rows under `compare`, sorted. `compare` orders by `distanceOf` (a float32
 * value) first, then breaks ties. Short lists are sorted whole (sortByDistance); long ones go
 * through a sorted buffer of the best `limit`, which most rows fail to enter.
 */
function topRows(rows: ArrayLike<number>, limit: number, distanceOf: (row: number) => number, compare: (a: number, b: number) => number): number[] {
  if (rows.length <= limit * 4) return sortByDistance(rows, distanceOf, compare).slice(0, limit);
  const best: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (best.length === limit && compare(row, best[limit - 1]) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(best[mid], row) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, row);
    if (best.length > limit) best.pop();
  }
  return best;
}

/** Positions packed below the distance's bits: 2^21 items at most (more go through `compare` alone). */
const POSITION_RANGE = 2 ** 21;

/**
 * `rows` sorted as `compare` sorts them, where `compare` orders by `distanceOf` first: each
 * distance's float32 bits, made monotonic, and the row's position are packed into one exact
 * float64 and sorted natively (a comparator sort of thousands of disorders was most of a
 * ranking's time); runs of equal distance are then put in `compare`'s order.
 */
export function sortByDistance(rows: ArrayLike<number>, distanceOf: (row: number) => number, compare: (a: number, b: number) => number): number[] {
  const n = rows.length;
  if (n >= POSITION_RANGE) return Array.from(rows).sort(compare);
  const f32 = new Float32Array(1);
  const bits = new Uint32Array(f32.buffer);
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    f32[0] = distanceOf(rows[i]) + 0; // −0 as +0: they compare equal
    const b = bits[0];
    // IEEE order as unsigned order: negatives reversed below positives.
    const ordered = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
    packed[i] = ordered * POSITION_RANGE + i;
  }
  packed.sort();
  const out = new Array<number>(n);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const position = packed[i] % POSITION_RANGE;
    out[i] = rows[position];
    keys[i] = packed[i] - position;
  }
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && keys[j] === keys[i]) j++;
    if (j - i > 1) {
      // Copied back one by one: spreading a tie group of 100k+ rows into splice overflows the stack.
      const group = out.slice(i, j).sort(compare);
      for (let k = 0; k < group.length; k++) out[i + k] = group[k];
    }
    i = j;
  }
  return out;
}
