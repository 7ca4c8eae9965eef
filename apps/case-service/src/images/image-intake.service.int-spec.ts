import { randomUUID } from 'node:crypto';
import { CaseAccessLevel, JobName, type Principal, QueueName, Role } from '@gmdb/domain';
import { type MessageRoutes, ObjectStorage, Outbox, OutboxMessageEntity } from '@gmdb/platform';
import { type TestDatabase, createTestDatabase, createTestObjectStorage, routesWith } from '@gmdb/platform/testing';
import { caseServiceDefinition } from '../case-service.definition';
import { CaseEntity } from '../cases/entities/case.entity';
import type { CaseMediaAccess } from './image-access';
import { ImageIntakeService } from './image-intake.service';
import { ImageEntity } from './image.entity';
import { ImageRepository } from './image.repository';
import { plainJpeg } from './testing/hostile-photos.fixture';
import type { ReceivedUpload } from './upload/received-upload';

const principal: Principal = { kind: 'user', subject: 'dr-a', roles: [Role.Clinician] };
const limits = { maxBytes: 5_000_000, maxPixels: 50_000_000, thumbnailSize: 256, urlTtlSeconds: 60 };
const withEncodeRoute: MessageRoutes = routesWith({ [JobName.EncodeImage]: [QueueName.Inference] });

describe('ImageIntakeService: outbox and all-or-nothing storage (MariaDB + S3)', () => {
  let db: TestDatabase;
  let storage: ObjectStorage;
  let caseId: string;
  const access = { assertWrite: async () => undefined } as unknown as CaseMediaAccess;

  beforeAll(async () => {
    db = await createTestDatabase({ entities: caseServiceDefinition.entities, migrations: caseServiceDefinition.migrations });
    storage = await createTestObjectStorage();
    caseId = randomUUID();
    const now = new Date();
    await db.dataSource.getRepository(CaseEntity).insert({
      id: caseId, institutionId: 'inst-a', externalId: 'x1', sourceKind: 'clinician', publicationId: null, sourceContact: null,
      sex: 'male', ageAtLastExamination: null, ageAtLastExaminationDays: null, variants: [], distinctiveness: null,
      accessLevel: CaseAccessLevel.Private, consentId: null, consentVersion: null, solved: false, revision: 1, createdAt: now, updatedAt: now,
    });
  }, 60_000);

  afterAll(async () => {
    storage?.close();
    await db?.drop();
  });

  function service(routes: MessageRoutes, store: ObjectStorage = storage, outbox?: Outbox): ImageIntakeService {
    return new ImageIntakeService(access, new ImageRepository(db.dataSource), store, outbox ?? new Outbox(routes), limits);
  }

  const upload = async (seed: number, modality = 'portrait'): Promise<ReceivedUpload> => ({
    bytes: await plainJpeg(seed),
    path: 'file',
    fields: { modality },
    encoding: 'multipart',
  });

  const outboxRows = (jobId: string) => db.dataSource.getRepository(OutboxMessageEntity).findBy({ jobId });

  it('writes the encode job with the row when the route exists (one job id per image)', async () => {
    const image = await service(withEncodeRoute).upload(principal, caseId, await upload(1));
    const rows = await outboxRows(`encode-${image.id}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: JobName.EncodeImage });
    expect(JSON.parse(rows[0].payload)).toEqual({ imageId: image.id, caseId, objectKey: image.objectKey });
  });

  it('sends no encode job for a photo that is not a portrait', async () => {
    const image = await service(withEncodeRoute).upload(principal, caseId, await upload(2, 'x-ray'));
    expect(await outboxRows(`encode-${image.id}`)).toHaveLength(0);
  });

  it('stores the photo without a job when no worker consumes encode-image (route off)', async () => {
    const image = await service(routesWith()).upload(principal, caseId, await upload(3));
    expect(image.encodeStatus).toBe('pending');
    expect(await outboxRows(`encode-${image.id}`)).toHaveLength(0);
  });

  it('leaves no row when S3 refuses the photo', async () => {
    const failing = Object.create(storage) as ObjectStorage;
    failing.put = async () => {
      throw new Error('S3 is down');
    };
    const before = await db.dataSource.getRepository(ImageEntity).count();
    await expect(service(withEncodeRoute, failing).upload(principal, caseId, await upload(4))).rejects.toThrow('S3 is down');
    expect(await db.dataSource.getRepository(ImageEntity).count()).toBe(before);
  });

  it('removes the S3 objects again when the transaction fails', async () => {
    const keys: string[] = [];
    const spying = Object.create(storage) as ObjectStorage;
    spying.put = (key, body, options) => {
      keys.push(key);
      return storage.put(key, body, options);
    };
    const broken = new Outbox(withEncodeRoute);
    broken.addIfRouted = async () => {
      throw new Error('database went away');
    };
    const before = await db.dataSource.getRepository(ImageEntity).count();
    await expect(service(withEncodeRoute, spying, broken).upload(principal, caseId, await upload(5))).rejects.toThrow('database went away');
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(await storage.head(key)).toBeNull();
    expect(await db.dataSource.getRepository(ImageEntity).count()).toBe(before);
  });
});
