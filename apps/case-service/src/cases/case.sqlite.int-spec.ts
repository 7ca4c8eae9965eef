import { randomUUID } from 'node:crypto';
import { EventName } from '@gmdb/domain';
import { OutboxMessageEntity } from '@gmdb/platform';
import { type TestDatabase, createTestSqliteDatabase } from '@gmdb/platform/testing';
import { caseServiceDefinition } from '../case-service.definition';
import { IDEMPOTENCY_TTL_MS, IdempotencyService, STALE_IN_PROGRESS_MS } from '../idempotency/idempotency.service';
import { CasePublicationRepository } from './case-publication.repository';
import { CaseRepository } from './case.repository';

/** Standalone mode runs on SQLite: the same migrations and queries must work there. */
describe('case tables on SQLite (standalone mode)', () => {
  let db: TestDatabase;
  let cases: CaseRepository;

  beforeAll(async () => {
    db = await createTestSqliteDatabase({ entities: caseServiceDefinition.entities, migrations: caseServiceDefinition.migrations });
    cases = new CaseRepository(db.dataSource);
  });

  afterAll(async () => {
    await db?.drop();
  });

  async function insert(externalId: string, accessLevel: string, createdAt: Date, symbol = 'NIPBL'): Promise<string> {
    const id = randomUUID();
    await db.dataSource.transaction(async (manager) => {
      const publication = await new CasePublicationRepository().findOrCreate(manager, { doi: '10.1000/x', pubmedId: null, correspondingAuthor: null }, createdAt);
      await cases.insert(
        manager,
        {
          id,
          institutionId: 'inst-s',
          externalId,
          publicationId: publication.id,
          accessLevel,
          createdAt,
          sourceKind: 'literature',
          sourceContact: null,
          sex: 'female',
          ageAtLastExamination: 'P2Y',
          ageAtLastExaminationDays: 730,
          variants: [],
          distinctiveness: null,
          solved: false,
        },
        {
          diagnoses: [{ disorderId: 'OMIM:122470', label: 'CdLS' }],
          genes: [{ symbol, hgncId: 'HGNC:28862' }],
          ancestries: [{ group: 'european', hancestroId: 'HANCESTRO:0005', countries: ['DE'] }],
          phenotypes: [{ hpoId: 'HP:0000664', excluded: false }],
        },
      );
    });
    return id;
  }

  it('migrates, stores, pages newest first, counts FAIR cases and deletes', async () => {
    const t = Date.parse('2026-01-01T00:00:00.000Z');
    const a = await insert('a', 'fair', new Date(t));
    const b = await insert('b', 'fair', new Date(t + 1));
    const c = await insert('c', 'private', new Date(t + 2), 'SMC1A');
    const scope = { kind: 'viewer' as const, caseIds: [], fairOnly: true };
    const first = await cases.searchIds(scope, { geneSymbol: 'NIPBL', ageMinDays: 365 }, undefined, 1);
    expect(first.map((r) => r.id)).toEqual([b]);
    const second = await cases.searchIds(scope, { geneSymbol: 'NIPBL' }, first[0], 10);
    expect(second.map((r) => r.id)).toEqual([a]);
    expect((await cases.searchIds({ kind: 'institution', institutionId: 'inst-s' }, {}, undefined, 10)).map((r) => r.id)).toEqual([c, b, a]);
    const counts = await cases.fairCounts();
    expect({ ...counts, caseIds: counts.caseIds.sort() }).toEqual({ patients: 2, disorders: 1, genes: 1, byAncestry: [{ group: 'european', patients: 2 }], caseIds: [a, b].sort() });
    const full = await cases.findFull(a);
    expect(full?.publication?.doi).toBe('10.1000/x');
    expect(full?.genes?.map((g) => g.symbol)).toEqual(['NIPBL']);
    await db.dataSource.transaction((manager) => cases.delete(manager, a));
    expect(await cases.findFull(a)).toBeNull();
  });

  it('keeps idempotency keys per caller', async () => {
    const idempotency = new IdempotencyService(db.dataSource, () => new Date());
    expect(await idempotency.begin('institution:x', 'k', 'h1')).toEqual({ kind: 'first' });
    await idempotency.complete('institution:x', 'k', 201, { ok: true });
    expect(await idempotency.begin('institution:x', 'k', 'h1')).toEqual({ kind: 'replay', statusCode: 201, body: { ok: true } });
    await expect(idempotency.begin('institution:x', 'k', 'h2')).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await idempotency.begin('user:y', 'k', 'h2')).toEqual({ kind: 'first' });
  });

  it('lets a retry take over a key whose first request never finished, and forgets expired keys', async () => {
    let now = Date.parse('2026-03-01T00:00:00.000Z');
    const idempotency = new IdempotencyService(db.dataSource, () => new Date(now));
    expect(await idempotency.begin('institution:z', 'stuck', 'h')).toEqual({ kind: 'first' });
    now += STALE_IN_PROGRESS_MS + 1;
    expect(await idempotency.begin('institution:z', 'stuck', 'h')).toEqual({ kind: 'first' });
    await idempotency.complete('institution:z', 'stuck', 201, {});
    now += IDEMPOTENCY_TTL_MS;
    expect(await idempotency.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await idempotency.begin('institution:z', 'stuck', 'other')).toEqual({ kind: 'first' });
  });

  it('announces the cases that existed before case.registered, once, when migrating', async () => {
    const id = await insert('before-announcing', 'private', new Date('2026-01-02T00:00:00Z'));
    await cases.addMember(db.dataSource.manager, id, 'clinician', 'dr-old');
    await db.dataSource.undoLastMigration();
    await db.dataSource.runMigrations();
    const announced = (await db.dataSource.getRepository(OutboxMessageEntity).findBy({ name: EventName.CaseRegistered })).map((r) => [r.messageId, JSON.parse(r.payload)]);
    expect(announced).toContainEqual([`case-registered-backfill:${id}`, { caseId: id, institutionId: 'inst-s', clinicians: ['dr-old'] }]);
    expect(new Set(announced.map(([messageId]) => messageId)).size).toBe(announced.length);
  });
});
