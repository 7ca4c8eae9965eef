import sharp from 'sharp';
import { CaseAccessLevel, EventName, QueueName, Role } from '@gmdb/domain';
import { createEnvelope } from '@gmdb/platform';
import { ImageEntity } from './image.entity';
import type { ImageModel } from './models/image.model';
import { type CaseServiceHarness, startCaseServiceHarness } from './testing/case-service.harness';
import { fixturePhoto, plainJpeg } from './testing/hostile-photos.fixture';
import { type ErrorBody, del, get, postJson, postMultipart } from './testing/http-client';

describe('case photos over REST (real app, MariaDB, S3)', () => {
  let app: CaseServiceHarness;
  let clinician: string;
  let otherClinician: string;
  let registered: string;
  let patient: string;
  let fairCase: string;
  let privateCase: string;
  let withdrawnCase: string;

  beforeAll(async () => {
    app = await startCaseServiceHarness();
    clinician = await app.token('dr-a', [Role.Clinician], { institutionId: 'inst-a' });
    otherClinician = await app.token('dr-b', [Role.Clinician], { institutionId: 'inst-b' });
    registered = await app.token('reg-1', [Role.Registered]);
    patient = await app.token('pat-1', [Role.Patient]);
    fairCase = await app.seedCase({ accessLevel: CaseAccessLevel.Fair });
    privateCase = await app.seedCase({ accessLevel: CaseAccessLevel.Private, patients: ['pat-1'] });
    withdrawnCase = await app.seedCase({ accessLevel: CaseAccessLevel.Withdrawn });
  }, 60_000);

  afterAll(() => app?.close());

  const upload = (caseId: string, file: Buffer, fields: Record<string, string> = { modality: 'portrait' }, token = clinician) =>
    postMultipart<ImageModel & ErrorBody>(`${app.url}/api/v1/cases/${caseId}/images`, token, file, fields);

  it('stores a multipart upload: metadata, opaque keys, sha256 of the stored bytes, a thumbnail', async () => {
    const photo = fixturePhoto('2008_002506.jpg');
    const created = await upload(fairCase, photo, { modality: 'portrait', ageAtCapture: 'P4Y6M' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ caseId: fairCase, modality: 'portrait', ageAtCapture: 'P4Y6M', encodeStatus: 'pending', contentType: 'image/jpeg' });
    const row = await app.dataSource.getRepository(ImageEntity).findOneByOrFail({ id: created.body.id });
    expect(row.objectKey).toMatch(/^images\/[0-9a-f-]{36}$/);
    expect(row.objectKey).not.toContain(fairCase);
    expect(row.objectKey).not.toContain(created.body.id);
    const content = await get(`${app.url}/api/v1/images/${created.body.id}/content`, registered);
    expect(content.status).toBe(200);
    expect(content.headers.get('content-type')).toBe('image/jpeg');
    expect(content.headers.get('cache-control')).toBe('private, no-store');
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(content.bytes).digest('hex')).toBe(created.body.sha256);
    const thumb = await get(`${app.url}/api/v1/images/${created.body.id}/thumbnail`, registered);
    const meta = await sharp(thumb.bytes).metadata();
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(256);
  });

  it('stores a base64 JSON upload larger than the app-wide 1 MB JSON limit', async () => {
    const { randomBytes } = await import('node:crypto');
    const big = await sharp(randomBytes(1400 * 1000 * 3), { raw: { width: 1400, height: 1000, channels: 3 } }).png().toBuffer();
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const created = await postJson<ImageModel>(`${app.url}/api/v1/cases/${fairCase}/images`, clinician, {
      contentBase64: big.toString('base64'),
      modality: 'X-ray',
      ageAtCapture: { years: 2 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ modality: 'x-ray', ageAtCapture: 'P2Y', width: 1400, height: 1000, contentType: 'image/png' });
  });

  it('refuses the same photo twice in one case with 409 and the existing id, and allows it in another case', async () => {
    const photo = await plainJpeg(11);
    const first = await upload(fairCase, photo);
    const again = await upload(fairCase, photo);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('IMAGE_DUPLICATE');
    expect(again.body.error.message).toContain(first.body.id);
    expect((await upload(privateCase, photo)).status).toBe(201);
  });

  it('answers reads through the access policy of the case', async () => {
    const fairImage = (await upload(fairCase, await plainJpeg(21))).body.id;
    const privateImage = (await upload(privateCase, await plainJpeg(22))).body.id;
    expect((await get(`${app.url}/api/v1/images/${fairImage}`, registered)).status).toBe(200);
    expect((await get<ErrorBody>(`${app.url}/api/v1/images/${fairImage}`)).body.error.code).toBe('UNAUTHENTICATED');
    for (const path of ['', '/content', '/url', '/thumbnail', '/thumbnail/url']) {
      const hidden = await get<ErrorBody>(`${app.url}/api/v1/images/${privateImage}${path}`, registered);
      expect({ path, status: hidden.status, code: hidden.body.error.code }).toEqual({ path, status: 404, code: 'IMAGE_NOT_FOUND' });
      expect((await get(`${app.url}/api/v1/images/${privateImage}${path}`, otherClinician)).status).toBe(404);
      expect((await get(`${app.url}/api/v1/images/${privateImage}${path}`, clinician)).status).toBe(200);
      expect((await get(`${app.url}/api/v1/images/${privateImage}${path}`, patient)).status).toBe(200);
    }
    const missing = await get<ErrorBody>(`${app.url}/api/v1/images/00000000-0000-4000-8000-000000000000`, clinician);
    expect(missing.body.error.code).toBe('IMAGE_NOT_FOUND');
  });

  it('hides the photos of a withdrawn case from everyone', async () => {
    expect((await upload(withdrawnCase, await plainJpeg(31))).status).toBe(404);
    expect((await get(`${app.url}/api/v1/cases/${withdrawnCase}/images`, clinician)).status).toBe(404);
  });

  it('hands out a short-lived presigned URL that serves the bytes', async () => {
    const id = (await upload(fairCase, await plainJpeg(41))).body.id;
    const url = await get<{ url: string; expiresAt: string }>(`${app.url}/api/v1/images/${id}/url`, registered);
    expect(url.status).toBe(200);
    expect(url.body.url).toContain('X-Amz-Expires=120');
    expect(new Date(url.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const fetched = await fetch(url.body.url);
    expect(fetched.status).toBe(200);
  });

  it('lists a case photos for whoever may read the case', async () => {
    const list = await get<{ items: ImageModel[] }>(`${app.url}/api/v1/cases/${privateCase}/images`, patient);
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThanOrEqual(2);
    expect((await get(`${app.url}/api/v1/cases/${privateCase}/images`, registered)).status).toBe(404);
  });

  it('deletes a photo: objects and row gone; others may not delete', async () => {
    const id = (await upload(fairCase, await plainJpeg(51))).body.id;
    const row = await app.dataSource.getRepository(ImageEntity).findOneByOrFail({ id });
    expect((await del<ErrorBody>(`${app.url}/api/v1/images/${id}`, registered)).status).toBe(403);
    expect((await del(`${app.url}/api/v1/images/${id}`, clinician)).status).toBe(204);
    expect(await app.dataSource.getRepository(ImageEntity).findOneBy({ id })).toBeNull();
    expect(await app.storage.head(row.objectKey)).toBeNull();
    expect(await app.storage.head(row.thumbnailKey)).toBeNull();
    expect((await get(`${app.url}/api/v1/images/${id}`, clinician)).status).toBe(404);
  });

  it('records the worker outcome of image.encoded, once, and ignores unknown images', async () => {
    const id = (await upload(fairCase, await plainJpeg(61))).body.id;
    const event = createEnvelope({
      name: EventName.ImageEncoded,
      payload: {
        imageId: id,
        caseId: fairCase,
        status: 'failed',
        errorCode: 'IMAGE_MULTIPLE_FACES',
        faces: [
          { x: 1, y: 2, width: 30, height: 40, score: 0.9 },
          { x: 50, y: 2, width: 30, height: 40, score: 0.8 },
        ],
        modelVersion: 'gm-test-1',
      },
    });
    await app.transport.publish(QueueName.Case, event);
    await app.transport.publish(QueueName.Case, { ...event });
    await app.transport.publish(
      QueueName.Case,
      createEnvelope({ name: EventName.ImageEncoded, payload: { imageId: 'gone', caseId: fairCase, status: 'done' } }),
    );
    let image: ImageModel | undefined;
    for (let i = 0; i < 50 && image?.encodeStatus !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      image = (await get<ImageModel>(`${app.url}/api/v1/images/${id}`, registered)).body;
    }
    expect(image).toMatchObject({ encodeStatus: 'failed', encodeErrorCode: 'IMAGE_MULTIPLE_FACES', modelVersion: 'gm-test-1' });
    expect(image?.faces).toHaveLength(2);
  });

  it('answers GraphQL: image(id) with its fields, Case.images filled by the images part, null when hidden', async () => {
    const id = (await upload(privateCase, await plainJpeg(71), { modality: 'portrait', ageAtCapture: 'P1Y' })).body.id;
    const query = `query($id: ID!, $case: ID!) {
      image(id: $id) { id caseId modality ageAtCapture width height encodeStatus sha256 contentType byteSize faces { x } createdAt url thumbnailUrl }
      case(id: $case) { images { id sha256 thumbnailUrl } }
    }`;
    const ask = async (token: string) => {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables: { id, case: privateCase } }),
      });
      return (await response.json()) as { data?: { image: Record<string, unknown> | null; case: { images: Record<string, unknown>[] } | null }; errors?: unknown[] };
    };
    const mine = await ask(clinician);
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.image).toMatchObject({ id, caseId: privateCase, modality: 'portrait', ageAtCapture: 'P1Y', encodeStatus: 'pending', contentType: 'image/jpeg', faces: [] });
    expect(String(mine.data?.image?.['url'])).toContain('X-Amz-Signature');
    const fromCase = mine.data?.case?.images.find((i) => i['id'] === id);
    expect(fromCase?.['sha256']).toBe(mine.data?.image?.['sha256']);
    const other = await ask(registered);
    expect(other.data?.image).toBeNull();
  });

  it('replays a retried upload with the same Idempotency-Key and refuses the key with another photo', async () => {
    const send = async (photo: Buffer) => {
      const form = new FormData();
      form.append('modality', 'portrait');
      form.append('file', new Blob([photo]), 'p.jpg');
      const response = await fetch(`${app.url}/api/v1/cases/${fairCase}/images`, {
        method: 'POST',
        headers: { authorization: `Bearer ${clinician}`, 'idempotency-key': 'photo-retry-1' },
        body: form,
      });
      return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body: (await response.json()) as ImageModel & ErrorBody };
    };
    const photo = await plainJpeg(81);
    const first = await send(photo);
    const retry = await send(photo);
    expect(first.status).toBe(201);
    expect({ status: retry.status, replayed: retry.replayed, id: retry.body.id }).toEqual({ status: 201, replayed: 'true', id: first.body.id });
    const other = await send(await plainJpeg(82));
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});
