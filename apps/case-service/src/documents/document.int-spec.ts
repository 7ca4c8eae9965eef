import { CaseAccessLevel, Role } from '@gmdb/domain';
import sharp from 'sharp';
import { type CaseServiceHarness, startCaseServiceHarness } from '../images/testing/case-service.harness';
import { PRIVATE_TEXT, impostors, jpegWithHugeExif } from '../images/testing/hostile-photos.fixture';
import { type ErrorBody, del, get, postJson, postMultipart } from '../images/testing/http-client';
import { DocumentEntity } from './document.entity';
import type { DocumentModel } from './models/document.model';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('case documents over REST (real app, MariaDB, S3)', () => {
  let app: CaseServiceHarness;
  let clinician: string;
  let caseId: string;

  beforeAll(async () => {
    app = await startCaseServiceHarness();
    clinician = await app.token('dr-a', [Role.Clinician]);
    caseId = await app.seedCase({ accessLevel: CaseAccessLevel.Fair, patients: ['pat-1'] });
  }, 60_000);

  afterAll(() => app?.close());

  const docs = () => `${app.url}/api/v1/cases/${caseId}/documents`;

  it('stores a PDF letter as sent and shows it to the responsible clinician only', async () => {
    const created = await postMultipart<DocumentModel>(docs(), clinician, PDF, { kind: 'letter', title: 'Referral' }, { fileType: 'application/pdf', fileName: 'x.pdf' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ caseId, kind: 'letter', title: 'Referral', contentType: 'application/pdf', byteSize: PDF.length });
    const id = created.body.id;
    const content = await get(`${app.url}/api/v1/documents/${id}/content`, clinician);
    expect(content.bytes.equals(PDF)).toBe(true);
    expect(content.headers.get('content-disposition')).toContain('attachment');
    expect((await get(`${app.url}/api/v1/documents/${id}/url`, clinician)).status).toBe(200);
    expect((await get<{ items: DocumentModel[] }>(docs(), clinician)).body.items.map((d) => d.id)).toContain(id);
    for (const token of [await app.token('reg-1', [Role.Registered]), await app.token('pat-1', [Role.Patient]), await app.token('dr-b', [Role.Clinician])]) {
      for (const path of [`/api/v1/documents/${id}`, `/api/v1/documents/${id}/content`, `/api/v1/documents/${id}/url`]) {
        const denied = await get<ErrorBody>(`${app.url}${path}`, token);
        expect([403, 404]).toContain(denied.status);
      }
    }
    const hidden = await get<ErrorBody>(`${app.url}/api/v1/documents/${id}`, await app.token('reg-1', [Role.Registered]));
    expect(hidden.status).toBe(403);
  });

  it('strips metadata from a JPEG lab report (base64 upload)', async () => {
    const created = await postJson<DocumentModel>(docs(), clinician, { contentBase64: (await jpegWithHugeExif()).toString('base64'), kind: 'lab-report' });
    expect(created.status).toBe(201);
    const row = await app.dataSource.getRepository(DocumentEntity).findOneByOrFail({ id: created.body.id });
    const stored = await app.storage.getBuffer(row.objectKey);
    expect(stored.includes(PRIVATE_TEXT)).toBe(false);
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
  });

  it('refuses other types, empty files, bad fields and other clinicians', async () => {
    const { html, zip } = await impostors();
    for (const bytes of [html, zip]) {
      const answer = await postMultipart<ErrorBody>(docs(), clinician, bytes, { kind: 'letter' }, { fileName: 'letter.pdf', fileType: 'application/pdf' });
      expect({ status: answer.status, code: answer.body.error.code, path: answer.body.error.issues?.[0]?.path }).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', path: 'file' });
    }
    expect((await postMultipart<ErrorBody>(docs(), clinician, Buffer.alloc(0), { kind: 'letter' })).status).toBe(422);
    const badKind = await postMultipart<ErrorBody>(docs(), clinician, PDF, { kind: 'diary', title: 'a\u0000b' });
    expect(badKind.body.error.issues?.map((i) => i.path).sort()).toEqual(['kind', 'title']);
    expect((await postMultipart(docs(), await app.token('dr-b', [Role.Clinician]), PDF, { kind: 'letter' })).status).toBe(403);
  });

  it('deletes a document: object and row gone', async () => {
    const id = (await postMultipart<DocumentModel>(docs(), clinician, PDF, { kind: 'other' })).body.id;
    const row = await app.dataSource.getRepository(DocumentEntity).findOneByOrFail({ id });
    expect((await del(`${app.url}/api/v1/documents/${id}`, await app.token('cur-1', [Role.Curator]))).status).toBe(403);
    expect((await del(`${app.url}/api/v1/documents/${id}`, clinician)).status).toBe(204);
    expect(await app.storage.head(row.objectKey)).toBeNull();
    expect((await get(`${app.url}/api/v1/documents/${id}`, clinician)).status).toBe(404);
  });

  it('deleting the case removes its documents and photos from S3 and the database', async () => {
    const doomed = await app.seedCase({ accessLevel: CaseAccessLevel.Private });
    await postMultipart(`${app.url}/api/v1/cases/${doomed}/documents`, clinician, PDF, { kind: 'letter' });
    const photo = await postMultipart<{ id: string }>(`${app.url}/api/v1/cases/${doomed}/images`, clinician, await jpegWithHugeExif(), { modality: 'portrait' });
    expect(photo.status).toBe(201);
    const keysBefore = await app.objectKeys();
    expect((await del(`${app.url}/api/v1/cases/${doomed}`, clinician)).status).toBe(204);
    const keysAfter = await app.objectKeys();
    expect(keysBefore.length - keysAfter.length).toBe(3);
    expect(await app.dataSource.getRepository(DocumentEntity).countBy({ caseId: doomed })).toBe(0);
  });
});
