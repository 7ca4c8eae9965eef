import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../ml/testing/run-cli';

// ---------------------------------------------------------------------------------------------
// A deliberately simple, independent reference: brute force in float64, nothing from @gmdb/ml.
// ---------------------------------------------------------------------------------------------
interface Img {
  id: string;
  subject: string;
  label: string;
  vec: number[];
  sex: string;
  ancestry: string;
  age: string;
}
type T = Record<'top1' | 'top5' | 'top10' | 'top30', number>;
interface M {
  macro: T;
  micro: T;
  images: number;
  disorders: number;
}
const KS = [1, 5, 10, 30] as const;

function distance(a: number[], b: number[], slots: number): number {
  const dim = a.length / slots;
  let sum = 0;
  for (let s = 0; s < slots; s++) {
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let i = s * dim; i < (s + 1) * dim; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    sum += 1 - dot / Math.sqrt(na * nb);
  }
  return sum / slots;
}

/** Rank of the test image's label among gallery labels ordered by their nearest image (ties: image id). */
function referenceRank(t: Img, gallery: Img[], slots: number): number {
  const sorted = gallery.map((g) => ({ g, d: distance(t.vec, g.vec, slots) })).sort((x, y) => x.d - y.d || (x.g.id < y.g.id ? -1 : x.g.id > y.g.id ? 1 : 0));
  const labels: string[] = [];
  for (const { g } of sorted) if (!labels.includes(g.label)) labels.push(g.label);
  const i = labels.indexOf(t.label);
  return i === -1 ? Infinity : i + 1;
}

function referenceMetrics(items: { label: string; rank: number }[]): M {
  const acc = (list: { rank: number }[]): T => {
    const at = (k: number) => list.filter((r) => r.rank <= k).length / list.length;
    return { top1: at(1), top5: at(5), top10: at(10), top30: at(30) };
  };
  const labels = [...new Set(items.map((r) => r.label))];
  const perLabel = labels.map((l) => acc(items.filter((r) => r.label === l)));
  const macro = { top1: 0, top5: 0, top10: 0, top30: 0 };
  for (const k of KS) macro[`top${k}`] = perLabel.reduce((s, a) => s + a[`top${k}`], 0) / perLabel.length;
  return { macro, micro: acc(items), images: items.length, disorders: labels.length };
}

function referenceEval(gallery: Img[], test: Img[], slots: number) {
  const ranked = test.map((t) => ({ t, label: t.label, rank: referenceRank(t, gallery, slots) }));
  const by = (key: (t: Img) => string) => {
    const out: Record<string, M> = {};
    for (const k of [...new Set(ranked.map((r) => key(r.t)))].filter((k) => k !== '').sort()) out[k] = referenceMetrics(ranked.filter((r) => key(r.t) === k));
    return out;
  };
  const band = (t: Img) => {
    if (t.age === '') return '';
    const a = Number(t.age);
    return a < 1 ? '[0,1)' : a < 5 ? '[1,5)' : a < 10 ? '[5,10)' : a < 20 ? '[10,20)' : '[20,inf)';
  };
  const byAncestry = by((t) => t.ancestry);
  const groups = Object.values(byAncestry);
  const mean = (f: (m: M) => T): T => {
    const out = { top1: 0, top5: 0, top10: 0, top30: 0 };
    for (const k of KS) out[`top${k}`] = groups.reduce((s, m) => s + f(m)[`top${k}`], 0) / groups.length;
    return out;
  };
  return {
    ranks: ranked.map((r) => r.rank),
    doc: { overall: referenceMetrics(ranked), bySex: by((t) => t.sex), byAncestry, byAge: by(band), ancestryAveraged: { macro: mean((m) => m.macro), micro: mean((m) => m.micro) } },
  };
}

/** Every key equal, every number within 1e-12. */
function expectSameNumbers(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number') {
    expect({ path, value: typeof actual }).toEqual({ path, value: 'number' });
    expect(Math.abs((actual as number) - expected) <= 1e-12 ? path : `${path}: ${String(actual)} != ${expected}`).toBe(path);
    return;
  }
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  expect({ path, keys: Object.keys(a).sort() }).toEqual({ path, keys: Object.keys(e).sort() });
  for (const k of Object.keys(e)) expectSameNumbers(a[k], e[k], `${path}.${k}`);
}

// ---------------------------------------------------------------------------------------------
// A synthetic dataset from a seeded RNG, written as the CLI's input files.
// ---------------------------------------------------------------------------------------------
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticDataset(seed: number, slots = 3, dim = 512) {
  const rand = rng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const labels = Array.from({ length: 8 }, (_, i) => `OMIM:${100 + i}`);
  const centres = labels.map(() => Array.from({ length: slots * dim }, normal));
  const noisy = (label: string) => centres[labels.indexOf(label)].map((c) => Math.fround(c + 5 * normal()));
  const sexes = ['female', 'male', ''];
  const ancestries = ['EUR', 'AFR', 'EAS', 'SAS', ''];
  const ages = ['0.5', '3', '7.5', '12', '40', ''];
  const image = (id: string, label: string, i: number, vec: number[]): Img => ({ id, subject: `s-${id}`, label, vec, sex: sexes[i % 3], ancestry: ancestries[i % 5], age: ages[i % 6] });
  const gallery = Array.from({ length: 40 }, (_, i) => image(`g${String(i).padStart(2, '0')}`, labels[i % 8], i, noisy(labels[i % 8])));
  // Ties: g40 is g00's exact copy under another disorder; t20 / t21 are g00's copies labelled with each.
  gallery.push(image('g40', labels[7], 40, [...gallery[0].vec]));
  const test = Array.from({ length: 20 }, (_, i) => {
    const label = i >= 18 ? 'OMIM:999' : labels[Math.floor(rand() * 8)]; // t18, t19: a disorder absent from the gallery
    return image(`t${String(i).padStart(2, '0')}`, label, i, noisy(i >= 18 ? labels[0] : label));
  });
  test.push(image('t20', labels[0], 20, [...gallery[0].vec]), image('t21', labels[7], 21, [...gallery[0].vec]));
  return { gallery, test, slots };
}

function writeDataset(dir: string, data: { gallery: Img[]; test: Img[]; slots: number }) {
  const csv = (list: Img[]) => `image_id,subject,label\n${list.map((x) => `${x.id},${x.subject},${x.label}`).join('\n')}\n`;
  const dim = data.gallery[0].vec.length / data.slots;
  const jsonl = [...data.gallery, ...data.test].map((x) => JSON.stringify({ image_id: x.id, slots: Array.from({ length: data.slots }, (_, s) => x.vec.slice(s * dim, (s + 1) * dim)) })).join('\n');
  const meta = `image_id,sex,ancestry,age_years\n${[...data.gallery, ...data.test].map((x) => `${x.id},${x.sex},${x.ancestry},${x.age}`).join('\n')}\n`;
  const files = { gallery: join(dir, 'G.csv'), test: join(dir, 'T.csv'), encodings: join(dir, 'E.jsonl'), metadata: join(dir, 'M.csv') };
  writeFileSync(files.gallery, csv(data.gallery));
  writeFileSync(files.test, csv(data.test));
  writeFileSync(files.encodings, `${jsonl}\n`);
  writeFileSync(files.metadata, meta);
  return files;
}

describe('gmdb eval', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'gmdb-eval-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const args = (f: Record<'gallery' | 'test' | 'encodings' | 'metadata', string>) => ['eval', '--gallery', f.gallery, '--test', f.test, '--encodings', f.encodings, '--metadata', f.metadata];

  it('prints exactly the issue shape, every number equal to an independent brute-force computation', async () => {
    const data = syntheticDataset(20261127);
    const files = writeDataset(dir, data);
    const run = await runCli(...args(files), '--slots', '3');
    expect(run.error).toBeUndefined();
    const doc = JSON.parse(run.stdout) as Record<string, unknown>;
    const expected = referenceEval(data.gallery, data.test, data.slots);
    expectSameNumbers(doc, expected.doc);
    expect(Object.keys(doc)).toEqual(['overall', 'bySex', 'byAncestry', 'byAge', 'ancestryAveraged']);
    expect(Object.keys(doc['byAge'] as object)).toEqual(['[0,1)', '[1,5)', '[5,10)', '[10,20)', '[20,inf)']);
    expect(Object.keys((doc['overall'] as M).macro)).toEqual(['top1', 'top5', 'top10', 'top30']);
    // The dataset exercises what it should: ranks spread out, an absent label, both tie orders.
    expect(new Set(expected.ranks.filter(Number.isFinite)).size).toBeGreaterThan(3);
    expect(expected.ranks.slice(18)).toEqual([Infinity, Infinity, 1, 2]);
    const overall = doc['overall'] as M;
    expect(overall.micro.top1).toBeGreaterThan(0);
    expect(overall.micro.top1).toBeLessThan(1);
    expect(run.stderr).toContain('2 test image(s) have a disorder with no gallery image');
  });

  it('an independent computation on other seeds and 12 slots agrees too', async () => {
    for (const seed of [1, 2]) {
      const data = syntheticDataset(seed, 12, 64);
      const files = writeDataset(dir, data);
      const run = await runCli(...args(files));
      expect(run.error).toBeUndefined();
      expectSameNumbers(JSON.parse(run.stdout), referenceEval(data.gallery, data.test, data.slots).doc);
    }
  });

  it('ties between disorders go to the smaller image id; a disorder missing from the gallery is a miss', async () => {
    const w = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
    const gallery = w('tg.csv', 'image_id,subject,label\nb,s1,Y\na,s2,X\nc,s3,Z\n');
    const test = w('tt.csv', 'image_id,subject,label\nq,s4,Y\nr,s5,W\n');
    const enc = w('te.jsonl', ['a', 'b', 'q', 'r'].map((id) => JSON.stringify({ image_id: id, slots: [[1, 0]] })).join('\n') + '\n{"image_id":"c","slots":[[0,1]]}\n');
    const run = await runCli('eval', '--gallery', gallery, '--test', test, '--encodings', enc);
    expect(run.error).toBeUndefined();
    const doc = JSON.parse(run.stdout) as { overall: M; bySex: object; byAge: object; ancestryAveraged: { micro: T } };
    // q: X (image a) and Y (image b) tie at distance 0; a < b puts X first, so Y is rank 2. r: W is absent.
    expect(doc.overall.micro).toEqual({ top1: 0, top5: 0.5, top10: 0.5, top30: 0.5 });
    expect(doc.overall.macro).toEqual({ top1: 0, top5: 0.5, top10: 0.5, top30: 0.5 });
    expect([doc.overall.images, doc.overall.disorders]).toEqual([2, 2]);
    expect([doc.bySex, doc.byAge]).toEqual([{}, {}]);
    expect(doc.ancestryAveraged.micro).toEqual({ top1: 0, top5: 0, top10: 0, top30: 0 });
  });

  it('--report writes the Markdown tables and the ancestry bar chart', async () => {
    const files = writeDataset(dir, syntheticDataset(5, 3, 32));
    const out = join(dir, 'report');
    const run = await runCli(...args(files), '--report', out);
    expect(run.error).toBeUndefined();
    const md = readFileSync(join(out, 'eval-report.md'), 'utf8');
    expect(md).toContain('## By ancestry');
    expect(md).toContain('| EUR |');
    const svg = readFileSync(join(out, 'top1-top5-by-ancestry.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('AFR');
    expect(JSON.parse(readFileSync(join(out, 'eval.json'), 'utf8'))).toEqual(JSON.parse(run.stdout));
  });
});
