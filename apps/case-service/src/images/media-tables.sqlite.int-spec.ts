import { randomUUID } from 'node:crypto';
import { createTestSqliteDatabase, type TestDatabase } from '@gmdb/platform/testing';
import { AnalysisEntity } from '../analyses/analysis.entity';
import { caseServiceDefinition } from '../case-service.definition';
import { CaseEntity } from '../cases/entities/case.entity';
import { DocumentEntity } from '../documents/document.entity';
import { ImageEntity } from './image.entity';

describe('photo, document and analysis tables on SQLite (standalone mode)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestSqliteDatabase({ entities: caseServiceDefinition.entities, migrations: caseServiceDefinition.migrations });
  });

  afterAll(() => db?.drop());

  it('migrates, stores and reads back rows, and cascades a case delete', async () => {
    const caseId = randomUUID();
    const now = new Date('2026-11-27T10:00:00.123Z');
    await db.dataSource.getRepository(CaseEntity).insert({
      id: caseId, institutionId: 'i', externalId: 'e', sourceKind: 'clinician', publicationId: null, sourceContact: null, sex: 'male',
      ageAtLastExamination: null, ageAtLastExaminationDays: null, variants: [], distinctiveness: null, accessLevel: 'fair',
      consentId: null, consentVersion: null, solved: false, revision: 1, createdAt: now, updatedAt: now,
    });
    const image = {
      id: randomUUID(), caseId, modality: 'portrait', ageAtCapture: 'P1Y', ageAtCaptureDays: 365, objectKey: 'images/a', thumbnailKey: 'thumbnails/a',
      contentType: 'image/jpeg', byteSize: 10, sha256: 'f'.repeat(64), width: 2, height: 3, encodeStatus: 'done' as const, encodeErrorCode: null,
      faces: [{ x: 1, y: 2, width: 3, height: 4, score: 0.5 }], cropKey: null, modelVersion: 'm', encodedAt: now, createdAt: now,
    };
    await db.dataSource.getRepository(ImageEntity).insert(image);
    expect(await db.dataSource.getRepository(ImageEntity).findOneByOrFail({ id: image.id })).toMatchObject({ faces: image.faces, createdAt: now });
    await db.dataSource.getRepository(DocumentEntity).insert({
      id: randomUUID(), caseId, kind: 'letter', title: null, objectKey: 'documents/a', contentType: 'application/pdf', byteSize: 1, sha256: 'a'.repeat(64), createdAt: now,
    });
    await db.dataSource.getRepository(AnalysisEntity).insert({
      id: randomUUID(), ownerSubject: 's', objectKey: 'analyses/a', contentType: 'image/png', byteSize: 1, sha256: 'b'.repeat(64), width: 1, height: 1,
      slots: 3, status: 'queued', errorCode: null, resultKey: null, result: null, createdAt: now, completedAt: null,
    });
    await db.dataSource.query('PRAGMA foreign_keys = ON');
    await db.dataSource.getRepository(CaseEntity).delete({ id: caseId });
    expect(await db.dataSource.getRepository(ImageEntity).countBy({ caseId })).toBe(0);
    expect(await db.dataSource.getRepository(DocumentEntity).countBy({ caseId })).toBe(0);
  });
});
