import { GalleryImageMeta } from '../gallery/gallery-image.meta';
import { GalleryIndex } from '../gallery/gallery.index';
import { gestaltScore, rankGallery, sortByDistance } from './gallery.ranker';

/** A gallery whose distances the test sets directly (the ranker only needs index + distances). */
function gallery(entries: (Omit<GalleryImageMeta, 'geneIds' | 'accessLevel'> & Partial<GalleryImageMeta>)[]): GalleryIndex {
  const index = new GalleryIndex(1, 4);
  for (const e of entries) index.upsert({ geneIds: [], accessLevel: 'fair', ...e }, Float32Array.of(1, 0, 0, 0));
  return index;
}

describe('rankGallery', () => {
  const index = gallery([
    { imageId: '10', caseId: 'A', disorderIds: ['D1'], geneIds: ['FGFR2'] },
    { imageId: '9', caseId: 'B', disorderIds: ['D2'], geneIds: ['KMT2D'] },
    { imageId: '3', caseId: 'P', disorderIds: ['D3'], geneIds: ['NIPBL'], accessLevel: 'private' },
    { imageId: '4', caseId: 'A', disorderIds: ['D1'], geneIds: ['FGFR2'] },
    { imageId: '5', caseId: 'C', disorderIds: ['D2', 'D4'], geneIds: ['KMT2D'] },
  ]);
  const d = Float32Array.of(0.5, 0.5, 0.2, 0.6, 0.7);

  it('images ascending by distance, ties by image id (numeric order), private images hidden', () => {
    const r = rankGallery(index, d);
    expect(r.images.map((i) => i.imageId)).toEqual(['9', '10', '4', '5']);
    expect(r.images[0]).toEqual({ imageId: '9', caseId: 'B', distance: 0.5, gestaltScore: 0.8 });
  });

  it('disorders and genes at their nearest image, private images included; patients FAIR only', () => {
    const r = rankGallery(index, d);
    expect(r.disorders.map((x) => [x.id, x.distance])).toEqual([
      ['D3', expect.closeTo(0.2, 6)],
      ['D2', 0.5],
      ['D1', 0.5],
      ['D4', expect.closeTo(0.7, 6)],
    ]);
    expect(r.genes.map((x) => x.id)).toEqual(['NIPBL', 'KMT2D', 'FGFR2']);
    expect(r.patients.map((x) => [x.id, x.nearestImageId])).toEqual([
      ['B', '9'],
      ['A', '10'],
      ['C', '5'],
    ]);
    expect(r.galleryImages).toBe(5);
  });

  it('optionally drops images closer than a threshold and the images of given cases (a case the gallery lacks drops nothing)', () => {
    expect(rankGallery(index, d, { excludeCaseIds: ['not-in-the-gallery'] }).galleryImages).toBe(5);
    const r = rankGallery(index, d, { excludeWithin: 0.3, excludeCaseIds: ['A'] });
    expect(r.disorders.map((x) => x.id)).toEqual(['D2', 'D4']);
    expect(r.patients.map((x) => x.id)).toEqual(['B', 'C']);
    expect(r.galleryImages).toBe(2);
  });

  it('an image of a case with four disorders and three genes counts for each of them', () => {
    const many = gallery([
      { imageId: '1', caseId: 'X', disorderIds: ['D1', 'D2', 'D3', 'D4'], geneIds: ['A', 'B', 'C'] },
      { imageId: '2', caseId: 'Y', disorderIds: ['D4'], geneIds: ['C'] },
    ]);
    const r = rankGallery(many, Float32Array.of(0.4, 0.2));
    expect(r.disorders.map((x) => [x.id, x.nearestImageId])).toEqual([
      ['D4', '2'],
      ['D1', '1'],
      ['D2', '1'],
      ['D3', '1'],
    ]);
    expect(r.genes.map((x) => [x.id, x.nearestImageId])).toEqual([
      ['C', '2'],
      ['A', '1'],
      ['B', '1'],
    ]);
  });

  it('limits the lists; gestalt score = 1.3 - distance rounded to 3 places', () => {
    const r = rankGallery(index, d, { topImages: 2, topPatients: 1, topDisorders: 1 });
    expect(r.images).toHaveLength(2);
    expect(r.patients).toHaveLength(1);
    expect(r.disorders).toHaveLength(1);
    expect(gestaltScore(0.4444)).toBe(0.856);
    expect(() => rankGallery(index, new Float32Array(2))).toThrow(RangeError);
  });

  it('large galleries: the top-N selection equals a full sort', () => {
    const big = new GalleryIndex(1, 4);
    const n = 2000;
    const dist = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      big.upsert({ imageId: `${i}`, caseId: `c${i}`, disorderIds: [`D${i % 50}`], geneIds: [], accessLevel: 'fair' }, Float32Array.of(1, 0, 0, 0));
      dist[i] = ((i * 7919) % 1000) / 1000;
    }
    const r = rankGallery(big, dist, { topImages: 10 });
    const expected = Array.from({ length: n }, (_, i) => i)
      .sort((a, b) => dist[a] - dist[b] || a - b)
      .slice(0, 10)
      .map(String);
    expect(r.images.map((x) => x.imageId)).toEqual(expected);
  });

  it('disorder lists with many equal distances: ordered by the nearest image id, then the disorder id', () => {
    const many = new GalleryIndex(1, 4);
    const n = 3000;
    const dist = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      many.upsert({ imageId: `${n - i}`, caseId: `c${i}`, disorderIds: [`D${i}`, `E${i % 7}`], geneIds: [], accessLevel: 'fair' }, Float32Array.of(1, 0, 0, 0));
      dist[i] = (i % 5) / 4; // five distinct distances, 600 images each
    }
    const r = rankGallery(many, dist);
    const expected = Array.from({ length: n }, (_, i) => i).sort((a, b) => dist[a] - dist[b] || n - a - (n - b));
    expect(r.disorders.filter((x) => x.id.startsWith('D')).map((x) => x.id)).toEqual(expected.map((i) => `D${i}`));
    // E0..E6 share their nearest images with D disorders at distance 0: ties on the image, then by id.
    expect(r.disorders.slice(0, 3).map((x) => x.id)).toEqual(['D2995', 'E6', 'D2990']);
  });
});

describe('sortByDistance', () => {
  it('sorts as the comparator does: ties, negative distances, −0 and +0 alike', () => {
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const values = Float32Array.from({ length: 5000 }, () => Math.round((next() - 0.2) * 40) / 16);
    values[10] = -0;
    values[11] = 0;
    const rows = Array.from({ length: values.length }, (_, i) => i);
    const compare = (a: number, b: number) => values[a] - values[b] || b - a; // ties: higher row first
    expect(sortByDistance(rows, (r) => values[r], compare)).toEqual([...rows].sort(compare));
    expect(sortByDistance([], (r) => values[r], compare)).toEqual([]);
  });

  it('sorts as the comparator does where distances are subnormal, huge, ±Infinity, −0, or float64 values float32 cannot tell apart; stable where the comparator ties', () => {
    let state = 99;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const special = [0, -0, 1, -1, 1e-45, -1e-45, 1.1754942e-38, 3.4028235e38, -3.4028235e38, Infinity, -Infinity, 0.1, 1 + 1e-12, 1 - 1e-12];
    for (let t = 0; t < 400; t++) {
      const n = Math.floor(next() * 50);
      const kind = t % 4;
      const values = Array.from({ length: n }, () =>
        kind === 0 ? special[Math.floor(next() * special.length)] : kind === 1 ? Math.floor(next() * 4) - 2 : kind === 2 ? (next() - 0.5) * 1e-40 : (next() - 0.5) * 4,
      );
      const group = Array.from({ length: n }, () => Math.floor(next() * 3));
      const rows = Array.from({ length: n }, (_, i) => i).sort(() => next() - 0.5);
      // Infinity − Infinity is NaN: such ties fall through to the group, then keep the input order.
      const compare = (a: number, b: number) => values[a] - values[b] || group[a] - group[b];
      expect(sortByDistance(rows, (r) => values[r], compare)).toEqual([...rows].sort(compare));
    }
  });

  it('sorts a tie group of 150 000 rows (one distance for all) as the comparator does, without running out of stack', () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => i);
    const compare = (a: number, b: number) => b - a;
    expect(sortByDistance(rows, () => 0.5, compare)).toEqual([...rows].sort(compare));
  });
});
