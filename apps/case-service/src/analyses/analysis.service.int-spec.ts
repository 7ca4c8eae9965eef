import { JobName, type Principal, QueueName, Role } from '@gmdb/domain';
import { type MessageRoutes, ObjectStorage, Outbox, OutboxMessageEntity } from '@gmdb/platform';
import { type TestDatabase, createTestDatabase, createTestObjectStorage, routesWith } from '@gmdb/platform/testing';
import { caseServiceDefinition } from '../case-service.definition';
import type { CaseAccessService } from '../cases/case-access.service';
import { fixturePhoto } from '../images/testing/hostile-photos.fixture';
import { AnalysisRepository } from './analysis.repository';
import { AnalysisService } from './analysis.service';

const principal: Principal = { kind: 'user', subject: 'reg-1', roles: [Role.Registered] };
const limits = { maxBytes: 5_000_000, maxPixels: 50_000_000, thumbnailSize: 256, urlTtlSeconds: 60 };

describe('AnalysisService: the analyze-photo job (MariaDB + S3)', () => {
  let db: TestDatabase;
  let storage: ObjectStorage;

  beforeAll(async () => {
    db = await createTestDatabase({ entities: caseServiceDefinition.entities, migrations: caseServiceDefinition.migrations });
    storage = await createTestObjectStorage();
  }, 60_000);

  afterAll(async () => {
    storage?.close();
    await db?.drop();
  });

  const service = (routes: MessageRoutes) =>
    new AnalysisService(new AnalysisRepository(db.dataSource), {} as CaseAccessService, storage, new Outbox(routes), limits);

  it('writes the job with the analysis when the worker route exists, and none without it', async () => {
    const routed = routesWith({ [JobName.AnalyzePhoto]: [QueueName.Inference] });
    const upload = { bytes: fixturePhoto('chelsea.png'), path: 'file' as const, fields: { slots: '12' }, encoding: 'multipart' as const };
    const a = await service(routed).create(principal, upload);
    const rows = await db.dataSource.getRepository(OutboxMessageEntity).findBy({ jobId: `analyze-${a.id}` });
    expect(rows.map((r) => [r.name, JSON.parse(r.payload)])).toEqual([[JobName.AnalyzePhoto, { analysisId: a.id, objectKey: a.objectKey, slots: 12 }]]);
    const b = await service(routesWith()).create(principal, upload);
    expect(await db.dataSource.getRepository(OutboxMessageEntity).findBy({ jobId: `analyze-${b.id}` })).toHaveLength(0);
  });
});
