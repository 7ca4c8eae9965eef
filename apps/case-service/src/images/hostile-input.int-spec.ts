import sharp from 'sharp';
import { CaseAccessLevel, Role } from '@gmdb/domain';
import { ImageEntity } from './image.entity';
import type { ImageModel } from './models/image.model';
import { type CaseServiceHarness, startCaseServiceHarness } from './testing/case-service.harness';
import {
  PRIVATE_TEXT,
  cmykJpeg,
  impostors,
  jpegWithHugeExif,
  plainJpeg,
  png16Bit,
  pngDeclaring,
  rotatedJpeg,
  truncatedJpeg,
} from './testing/hostile-photos.fixture';
import { type Answer, type ErrorBody, postJson, postMultipart, postRaw } from './testing/http-client';

const MAX_BYTES = 3_000_000;

describe('hostile photo uploads (real app): a 4xx with a stable code, never a 500, nothing half-stored', () => {
  let app: CaseServiceHarness;
  let clinician: string;
  let caseId: string;
  let url: string;

  beforeAll(async () => {
    app = await startCaseServiceHarness({ CASE_MAX_UPLOAD_BYTES: String(MAX_BYTES) });
    clinician = await app.token('dr-a', [Role.Clinician], { institutionId: 'inst-a' });
    caseId = await app.seedCase({ accessLevel: CaseAccessLevel.Private });
    url = `${app.url}/api/v1/cases/${caseId}/images`;
  }, 60_000);

  afterAll(() => app?.close());

  function expectRefused(answer: Answer<ErrorBody>, status: number, code: string, path?: string): void {
    expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status, code });
    if (path !== undefined) expect(answer.body.error.issues?.map((i) => i.path)).toContain(path);
  }

  const send = (file: Buffer, fields: Record<string, string> = { modality: 'portrait' }) =>
    postMultipart<ErrorBody>(url, clinician, file, fields, { fileName: 'photo.jpg', fileType: 'image/jpeg' });

  async function storedPhoto(answer: Answer<ImageModel>): Promise<Buffer> {
    expect(answer.status).toBe(201);
    const row = await app.dataSource.getRepository(ImageEntity).findOneByOrFail({ id: answer.body.id });
    return app.storage.getBuffer(row.objectKey);
  }

  describe('bytes that are not an acceptable photo', () => {
    it('zero-byte file -> 422 IMAGE_EMPTY at file', async () => expectRefused(await send(Buffer.alloc(0)), 422, 'IMAGE_EMPTY', 'file'));
    it('truncated JPEG -> 422 IMAGE_UNDECODABLE', async () => expectRefused(await send(await truncatedJpeg()), 422, 'IMAGE_UNDECODABLE', 'file'));
    it('a JPEG signature and nothing else -> 422 IMAGE_UNDECODABLE', async () =>
      expectRefused(await send(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])), 422, 'IMAGE_UNDECODABLE', 'file'));
    it('PNG declaring 50,000 x 50,000 pixels -> 413 IMAGE_TOO_LARGE before decoding', async () =>
      expectRefused(await send(pngDeclaring(50_000, 50_000)), 413, 'IMAGE_TOO_LARGE', 'file'));
    it.each(['gif', 'pdf', 'svg', 'html', 'zip'] as const)('%s renamed photo.jpg, declared image/jpeg -> 415', async (kind) => {
      expectRefused(await send((await impostors())[kind]), 415, 'IMAGE_UNSUPPORTED_FORMAT', 'file');
    });
    it('an impostor in base64 JSON -> 415 at contentBase64', async () => {
      const answer = await postJson<ErrorBody>(url, clinician, { contentBase64: (await impostors()).html.toString('base64'), modality: 'portrait' });
      expectRefused(answer, 415, 'IMAGE_UNSUPPORTED_FORMAT', 'contentBase64');
    });
  });

  describe('photos that are accepted and cleaned', () => {
    it('a JPEG with ~1 MB of EXIF/APP metadata and GPS: stored upright with no metadata left', async () => {
      const answer = await postMultipart<ImageModel>(url, clinician, await jpegWithHugeExif(), { modality: 'portrait' });
      const stored = await storedPhoto(answer);
      const meta = await sharp(stored).metadata();
      expect({ exif: meta.exif, icc: meta.icc, xmp: meta.xmp, orientation: meta.orientation }).toEqual({
        exif: undefined,
        icc: undefined,
        xmp: undefined,
        orientation: undefined,
      });
      expect(stored.includes(PRIVATE_TEXT)).toBe(false);
      expect(stored.includes('GPS')).toBe(false);
      expect([answer.body.width, answer.body.height]).toEqual([20, 40]);
    });
    it('EXIF orientation applied: a 600x400 photo tagged "rotate 90" is stored 400x600', async () => {
      const answer = await postMultipart<ImageModel>(url, clinician, await rotatedJpeg(), { modality: 'portrait' });
      const meta = await sharp(await storedPhoto(answer)).metadata();
      expect([meta.width, meta.height, answer.body.width, answer.body.height]).toEqual([400, 600, 400, 600]);
    });
    it.each([
      ['CMYK JPEG', cmykJpeg],
      ['16-bit PNG', png16Bit],
    ])('%s -> stored as 8-bit sRGB', async (_name, make) => {
      const meta = await sharp(await storedPhoto(await postMultipart<ImageModel>(url, clinician, await make(), { modality: 'other' }))).metadata();
      expect({ space: meta.space, depth: meta.depth }).toEqual({ space: 'srgb', depth: 'uchar' });
    });
  });

  describe('malformed requests', () => {
    it('text/plain, XML and a raw JPEG body -> 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      expectRefused(await postRaw<ErrorBody>(url, clinician, Buffer.from('hello'), 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE');
      expectRefused(await postRaw<ErrorBody>(url, clinician, Buffer.from('<a/>'), 'application/xml'), 415, 'UNSUPPORTED_MEDIA_TYPE');
      expectRefused(await postRaw<ErrorBody>(url, clinician, await plainJpeg(3), 'image/jpeg'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });
    it('multipart declared but the body is not a multipart form -> 400', async () => {
      expectRefused(await postRaw<ErrorBody>(url, clinician, Buffer.from('not a form'), 'multipart/form-data; boundary=xyz'), 400, 'BAD_REQUEST');
      expectRefused(await postRaw<ErrorBody>(url, clinician, Buffer.from('--xyz\r\nbroken'), 'multipart/form-data'), 400, 'BAD_REQUEST');
    });
    it('JSON that does not parse -> 400 INVALID_JSON', async () => {
      expectRefused(await postJson<ErrorBody>(url, clinician, '{"contentBase64": "abc'), 400, 'INVALID_JSON');
    });
    it.each([
      ['not base64', { contentBase64: '%%% not base64 %%%', modality: 'portrait' }, 'contentBase64', 'INVALID_FORMAT'],
      ['a number', { contentBase64: 12345, modality: 'portrait' }, 'contentBase64', 'INVALID_TYPE'],
      ['missing', { modality: 'portrait' }, 'contentBase64', 'REQUIRED'],
    ])('base64 content %s -> 422 with the path', async (_name, body, path, issue) => {
      const answer = await postJson<ErrorBody>(url, clinician, body);
      expectRefused(answer, 422, 'VALIDATION_FAILED', path);
      expect(answer.body.error.issues?.[0]?.code).toBe(issue);
    });
    it('a JSON array body -> 422', async () => expectRefused(await postJson<ErrorBody>(url, clinician, [1, 2]), 422, 'VALIDATION_FAILED'));
    it.each([
      ['no modality', {}, 'modality'],
      ['an unknown modality', { modality: 'selfie' }, 'modality'],
      ['SQL in the modality', { modality: "portrait'; DROP TABLE case_images; --" }, 'modality'],
      ['script in the age', { modality: 'portrait', ageAtCapture: '<script>alert(1)</script>' }, 'ageAtCapture'],
      ['a negative age', { modality: 'portrait', ageAtCapture: '-P1Y' }, 'ageAtCapture'],
      ['an unknown field', { modality: 'portrait', fileName: 'jane-roe.jpg' }, 'fileName'],
    ])('metadata with %s -> 422 at the field', async (_name, fields, path) => {
      expectRefused(await send(await plainJpeg(5), fields), 422, 'VALIDATION_FAILED', path);
    });
    it('the file under another field name, none at all, or two files -> 422 with the path', async () => {
      const photo = await plainJpeg(6);
      expectRefused(await postMultipart<ErrorBody>(url, clinician, photo, { modality: 'portrait' }, { fileField: 'photo' }), 422, 'VALIDATION_FAILED', 'photo');
      expectRefused(await postMultipart<ErrorBody>(url, clinician, undefined, { modality: 'portrait' }), 422, 'VALIDATION_FAILED', 'file');
      const form = new FormData();
      form.append('modality', 'portrait');
      form.append('file', new Blob([photo]), 'a.jpg');
      form.append('file', new Blob([photo]), 'b.jpg');
      const two = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${clinician}` }, body: form });
      expect(two.status).toBe(422);
    });
  });

  describe('oversized bodies', () => {
    const oversize = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(MAX_BYTES)]);
    it('a multipart file over CASE_MAX_UPLOAD_BYTES -> 413 at file', async () =>
      expectRefused(await send(oversize()), 413, 'PAYLOAD_TOO_LARGE', 'file'));
    it('base64 decoding to more than the limit -> 413 at contentBase64', async () =>
      expectRefused(await postJson<ErrorBody>(url, clinician, { contentBase64: oversize().toString('base64'), modality: 'portrait' }), 413, 'PAYLOAD_TOO_LARGE', 'contentBase64'));
    it('a JSON body larger than any base64 photo could be -> 413', async () => {
      const answer = await postJson<ErrorBody>(url, clinician, { contentBase64: 'A'.repeat(MAX_BYTES * 2), modality: 'portrait' });
      expectRefused(answer, 413, 'PAYLOAD_TOO_LARGE');
    });
  });

  describe('other callers', () => {
    it('another institution cannot push to a private case (404) nor to a FAIR one (403); nobody to a missing one', async () => {
      const other = await app.token('dr-b', [Role.Clinician], { institutionId: 'inst-b' });
      const photo = await plainJpeg(8);
      expectRefused(await postMultipart<ErrorBody>(url, other, photo, { modality: 'portrait' }), 404, 'CASE_NOT_FOUND');
      const fair = await app.seedCase({ accessLevel: CaseAccessLevel.Fair });
      expectRefused(await postMultipart<ErrorBody>(`${app.url}/api/v1/cases/${fair}/images`, other, photo, { modality: 'portrait' }), 403, 'FORBIDDEN');
      expectRefused(await postMultipart<ErrorBody>(`${app.url}/api/v1/cases/nope/images`, clinician, photo, { modality: 'portrait' }), 404, 'CASE_NOT_FOUND');
      expectRefused(await postMultipart<ErrorBody>(url, undefined, photo, { modality: 'portrait' }), 401, 'UNAUTHENTICATED');
    });
  });

  it('left nothing half-stored: every object has its row and every row its two objects', async () => {
    const rows = await app.dataSource.getRepository(ImageEntity).find();
    const expected = rows.flatMap((r) => [r.objectKey, r.thumbnailKey]).sort();
    expect(await app.objectKeys()).toEqual(expected);
    expect(rows.length).toBe(4);
  });
});
