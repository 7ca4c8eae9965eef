import type { WorkerSettings } from '../config/worker-settings';
import { GalleryIndexRepository, type IndexEntry } from './gallery-index.repository';

const settings = { searchBackend: 'js' } as WorkerSettings;
const scope = { modelVersion: 'v1', slots: 1 };
const entry = (imageId: string, caseId: string, over: Partial<IndexEntry> = {}): IndexEntry => ({
  imageId,
  caseId,
  accessLevel: 'fair',
  disorderIds: ['OMIM:1'],
  geneSymbols: ['G'],
  embedding: Float32Array.from({ length: 512 }, (_, i) => Math.sin(i + imageId.length)),
  ...over,
});
const at = (ms: number) => new Date(ms);

describe('GalleryIndexRepository: handlers and the sweep never undo each other', () => {
  let repo: GalleryIndexRepository;
  beforeEach(() => {
    repo = new GalleryIndexRepository(settings);
    const build = repo.beginBuild(scope);
    repo.addBuilt(build, entry('i1', 'c1'), at(1000));
    repo.finishBuild(scope, build);
  });

  it('the sweep applies only rows newer than what the index holds', () => {
    expect(repo.applyFromTable(entry('i1', 'c1', { accessLevel: 'private' }), at(1000))).toBe(false);
    expect(repo.applyFromTable(entry('i1', 'c1', { accessLevel: 'private' }), at(2000))).toBe(true);
    expect(repo.get('i1')?.accessLevel).toBe('private');
  });

  it('a metadata change by a handler is not undone by an older committed row', () => {
    repo.updateCase('c1', { accessLevel: 'private', disorderIds: ['OMIM:2'], geneSymbols: [] }, at(3000));
    expect(repo.applyFromTable(entry('i1', 'c1'), at(2500))).toBe(false);
    expect(repo.get('i1')).toMatchObject({ accessLevel: 'private', disorderIds: ['OMIM:2'] });
  });

  it('a removed image or case is not put back from a row written before the removal', () => {
    repo.removeCase('c1');
    expect(repo.has('i1')).toBe(false);
    expect(repo.applyFromTable(entry('i1', 'c1'), at(1000))).toBe(false);
    expect(repo.has('i1')).toBe(false);
    expect(repo.applyFromTable(entry('i1', 'c1'), new Date(Date.now() + 1000))).toBe(true);
  });

  it('the sweep does not drop an image a handler just indexed (its row may not be committed yet)', () => {
    repo.upsert(entry('i2', 'c2'), new Date());
    expect(repo.removeMissing('i2', Date.now() - 1000)).toBe(false);
    expect(repo.has('i2')).toBe(true);
    expect(repo.removeMissing('i1', Date.now() - 1000)).toBe(true);
    expect(repo.has('i1')).toBe(false);
  });

  it('removals during a build are replayed on the built index', () => {
    const build = repo.beginBuild(scope);
    repo.addBuilt(build, entry('i1', 'c1'), at(1000));
    repo.addBuilt(build, entry('i3', 'c3'), at(1000));
    repo.remove('i3');
    repo.finishBuild(scope, build);
    expect(repo.imageIds()).toEqual(['i1']);
  });

  it('ranks with the private case counting for disorders only', async () => {
    repo.upsert(entry('i2', 'c2', { accessLevel: 'private', disorderIds: ['OMIM:9'] }), new Date());
    const ranking = await repo.rank(entry('q', 'x').embedding);
    expect(ranking.disorders.map((d) => d.id).sort()).toEqual(['OMIM:1', 'OMIM:9']);
    expect(ranking.patients.map((p) => p.id)).toEqual(['c1']);
  });
});
