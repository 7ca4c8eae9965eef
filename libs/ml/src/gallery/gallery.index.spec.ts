import { SeededRandom } from '../common/seeded-random';
import { ensembleDistance } from '../distance/cosine.distance';
import { randomEmbedding } from '../testing/random-embeddings';
import { GalleryImageMeta } from './gallery-image.meta';
import { GalleryIndex } from './gallery.index';
import { JsSearcher } from './js.searcher';
import { OrtSearcher } from './ort.searcher';

const meta = (i: number, over: Partial<GalleryImageMeta> = {}): GalleryImageMeta => ({
  imageId: `img${i}`,
  caseId: `case${Math.floor(i / 2)}`,
  disorderIds: [`OMIM:${100 + (i % 5)}`],
  geneIds: [`G${i % 3}`],
  accessLevel: 'fair',
  ...over,
});

describe('GalleryIndex', () => {
  const slots = 3;
  const dim = 8;
  const rng = new SeededRandom(5);
  const embeddings = Array.from({ length: 23 }, () => randomEmbedding(rng, slots * dim));

  const build = () => {
    const index = new GalleryIndex(slots, dim, 5); // 5 rows per block: several blocks
    embeddings.forEach((e, i) => index.upsert(meta(i), e));
    return index;
  };

  it('upsert is idempotent; metadata and case access can change; withdrawn removes the case', () => {
    const index = build();
    expect(index.size).toBe(23);
    index.upsert(meta(3, { disorderIds: ['OMIM:999'] }), embeddings[3]);
    expect(index.size).toBe(23);
    expect(index.get('img3')?.disorderIds).toEqual(['OMIM:999']);
    expect(index.updateMeta('img4', { geneIds: ['NEW'] })).toBe(true);
    expect(index.updateMeta('absent', { geneIds: [] })).toBe(false);
    expect(index.setCaseAccess('case2', 'private')).toBe(2);
    expect(index.get('img4')).toMatchObject({ accessLevel: 'private', geneIds: ['NEW'] });
    expect(index.setCaseAccess('case2', 'withdrawn')).toBe(2);
    expect(index.has('img4') || index.has('img5')).toBe(false);
    expect(index.size).toBe(21);
    expect(index.remove('img4')).toBe(false);
  });

  it('removal keeps every remaining image bound to its own embedding', async () => {
    const index = build();
    for (const id of ['img0', 'img7', 'img22', 'img10']) index.remove(id);
    const d = await new JsSearcher().distances(index, embeddings[0]);
    for (let row = 0; row < index.size; row++) {
      const i = Number(index.rowAt(row).meta.imageId.slice(3));
      expect(d[row]).toBeCloseTo(ensembleDistance(embeddings[0], embeddings[i], slots), 5);
    }
  });

  it('refuses embeddings of the wrong width', () => {
    expect(() => new GalleryIndex(slots, dim).upsert(meta(0), new Float32Array(5))).toThrow(RangeError);
  });

  describe.each([
    ['js', () => new JsSearcher()],
    ['ort', () => new OrtSearcher()],
  ])('%s searcher', (_name, make) => {
    const searcher = make();
    afterAll(() => searcher.dispose());

    it('distance = mean over slots of the cosine distance, slot k against slot k', async () => {
      const index = build();
      const query = randomEmbedding(new SeededRandom(77), slots * dim);
      const d = await searcher.distances(index, query);
      expect(d).toHaveLength(23);
      embeddings.forEach((e, i) => expect(d[i]).toBeCloseTo(ensembleDistance(query, e, slots), 5));
      expect((await searcher.distances(index, embeddings[6]))[6]).toBeCloseTo(0, 5);
    });

    it('nearest(k) returns the k closest rows in ascending order', async () => {
      const index = build();
      const query = randomEmbedding(new SeededRandom(78), slots * dim);
      const truth = embeddings.map((e, i) => ({ i, d: ensembleDistance(query, e, slots) })).sort((a, b) => a.d - b.d);
      const got = await searcher.nearest(index, query, 7);
      expect(Array.from(got.rows)).toEqual(truth.slice(0, 7).map((t) => t.i));
      got.distances.forEach((d, j) => expect(d).toBeCloseTo(truth[j].d, 5));
      expect((await searcher.nearest(index, query, 100)).rows).toHaveLength(23);
    });

    it('an empty gallery gives no distances', async () => {
      expect(await searcher.distances(new GalleryIndex(slots, dim), embeddings[0])).toHaveLength(0);
    });
  });

  it('keeps its ranking columns equal to its rows through 3000 random upserts, metadata changes and removals (lists of 0 to 4 labels)', () => {
    const index = new GalleryIndex(1, 4, 7);
    const r = new SeededRandom(17);
    const pick = (n: number) => Math.floor(r.next() * n);
    const labels = (prefix: string) => Array.from({ length: pick(5) }, () => `${prefix}${pick(9)}`);
    const e = Float32Array.of(1, 0, 0, 0);
    for (let step = 0; step < 3000; step++) {
      const id = `i${pick(60)}`;
      const what = pick(10);
      if (what < 6) index.upsert({ imageId: id, caseId: `c${pick(20)}`, disorderIds: labels('D'), geneIds: labels('G'), accessLevel: pick(2) ? 'fair' : 'private' }, e);
      else if (what < 8) index.updateMeta(id, { disorderIds: labels('D'), accessLevel: pick(2) ? 'fair' : 'private' });
      else if (what < 9) index.remove(id);
      else index.setCaseAccess(`c${pick(20)}`, pick(3) === 0 ? 'withdrawn' : 'fair');
    }
    expect(index.size).toBeGreaterThan(10);
    const { columns } = index;
    const listed = (column: typeof columns.disorders, row: number) =>
      column.rest.get(row) ?? [column.first[row], column.second[row]].filter((x) => x >= 0);
    for (let row = 0; row < index.size; row++) {
      const entry = index.rowAt(row);
      expect(columns.imageId[row]).toBe(entry.meta.imageId);
      expect(columns.patient[row]).toBe(entry.patient);
      expect(columns.fair[row]).toBe(entry.meta.accessLevel === 'fair' ? 1 : 0);
      expect(listed(columns.disorders, row)).toEqual(entry.disorders);
      expect(listed(columns.genes, row)).toEqual(entry.genes);
    }
    expect(columns.imageId).toHaveLength(index.size);
    for (const column of [columns.disorders, columns.genes]) for (const row of column.rest.keys()) expect(row).toBeLessThan(index.size);
  });
});
