import { setTimeout as sleep } from 'node:timers/promises';
import { CaseAccessLevel, JobName, QueueName, Role } from '@gmdb/domain';
import { messageEnvelope } from '@gmdb/domain/testing';
import { Inbox } from '@gmdb/platform';
import { CaseEntity } from '../cases/entities/case.entity';
import { ImageEntity } from '../images/image.entity';
import { type CaseServiceHarness, startCaseServiceHarness } from '../images/testing/case-service.harness';
import { plainJpeg } from '../images/testing/hostile-photos.fixture';
import { postMultipart } from '../images/testing/http-client';

describe('erase-case-photos on the case queue (real app, MariaDB, S3)', () => {
  let h: CaseServiceHarness;
  let clinician: string;

  beforeAll(async () => {
    h = await startCaseServiceHarness();
    clinician = await h.token('dr-a', [Role.Clinician]);
  }, 60_000);

  afterAll(() => h?.close());

  const processed = (id: string) => new Inbox(h.dataSource, 'case-service').hasProcessed(id);

  async function deliver(id: string, caseId: string): Promise<void> {
    await h.transport.publish(QueueName.Case, messageEnvelope({ name: JobName.EraseCasePhotos, payload: { caseId, consentId: 'series-1' } }, { id }));
    for (let i = 0; i < 200 && !(await processed(id)); i += 1) await sleep(25);
    expect(await processed(id)).toBe(true);
  }

  async function caseWithPhotos(seed: number): Promise<{ caseId: string; keys: string[] }> {
    const caseId = await h.seedCase({ accessLevel: CaseAccessLevel.Private });
    for (const n of [seed, seed + 1]) {
      const r = await postMultipart<{ id: string }>(`${h.url}/api/v1/cases/${caseId}/images`, clinician, await plainJpeg(n), { modality: 'portrait' });
      expect(r.status).toBe(201);
    }
    const rows = await h.dataSource.getRepository(ImageEntity).find({ where: { caseId } });
    return { caseId, keys: rows.flatMap((r) => [r.objectKey, r.thumbnailKey]) };
  }

  it('erases the photos of a withdrawn case from S3 and the database, once', async () => {
    const { caseId, keys } = await caseWithPhotos(101);
    expect(keys).toHaveLength(4);
    await h.dataSource.getRepository(CaseEntity).update({ id: caseId }, { accessLevel: CaseAccessLevel.Withdrawn });

    await deliver('erase-1', caseId);
    expect(await h.dataSource.getRepository(ImageEntity).count({ where: { caseId } })).toBe(0);
    const left = await h.objectKeys();
    for (const key of keys) expect(left).not.toContain(key);

    await deliver('erase-1', caseId);
    expect(await h.dataSource.getRepository(CaseEntity).count({ where: { id: caseId } })).toBe(1);
  });

  it('keeps the photos of a case whose consent was given again', async () => {
    const { caseId, keys } = await caseWithPhotos(111);
    await deliver('erase-2', caseId);
    expect(await h.dataSource.getRepository(ImageEntity).count({ where: { caseId } })).toBe(2);
    const left = await h.objectKeys();
    for (const key of keys) expect(left).toContain(key);
  });

  it('does nothing for a case that no longer exists', async () => {
    await deliver('erase-3', 'no-such-case');
  });
});
