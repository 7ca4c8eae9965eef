import { createHash } from 'node:crypto';
import { createTestObjectStorage, testS3Options } from '../testing/test-object-storage';
import { ObjectNotFoundError } from './object-not-found.error';
import { ObjectStorage } from './object-storage';

describe('ObjectStorage on the local S3 server', () => {
  let storage: ObjectStorage;
  beforeAll(async () => {
    storage = await createTestObjectStorage();
  });
  afterAll(() => storage?.close());

  const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7) % 256));
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  it('puts, heads and gets objects byte-exact with their SHA-256', async () => {
    await expect(storage.put('cases/c1/images/a.png', bytes, { contentType: 'image/png' })).resolves.toMatchObject({
      key: 'cases/c1/images/a.png',
      size: bytes.length,
      sha256,
    });
    await expect(storage.head('cases/c1/images/a.png')).resolves.toMatchObject({
      size: bytes.length,
      contentType: 'image/png',
      sha256,
    });
    expect((await storage.getBuffer('cases/c1/images/a.png')).equals(bytes)).toBe(true);
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.getStream('cases/c1/images/a.png')) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });

  it('answers missing keys clearly', async () => {
    await expect(storage.head('nope')).resolves.toBeNull();
    await expect(storage.getBuffer('nope')).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(storage.delete('nope')).resolves.toBeUndefined();
  });

  it('serves a presigned GET over plain HTTP', async () => {
    await storage.put('docs/letter.txt', 'hello GMDB', { contentType: 'text/plain' });
    const url = await storage.presignGet('docs/letter.txt', { expiresInSeconds: 60, downloadName: 'letter.txt' });
    expect(url).toContain('X-Amz-Expires=60');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello GMDB');
    expect(response.headers.get('content-disposition')).toContain('letter.txt');
  });

  it('deletes one object and every object under a prefix', async () => {
    await Promise.all(['a', 'b', 'c'].map((n) => storage.put(`cases/c2/images/${n}.jpg`, n, { contentType: 'image/jpeg' })));
    await storage.put('cases/c20/keep.jpg', 'k', { contentType: 'image/jpeg' });
    await storage.delete('cases/c2/images/a.jpg');
    expect(await storage.head('cases/c2/images/a.jpg')).toBeNull();
    expect(await storage.deleteMany('cases/c2/')).toBe(2);
    expect(await storage.head('cases/c2/images/b.jpg')).toBeNull();
    expect(await storage.head('cases/c20/keep.jpg')).not.toBeNull();
  });

  it('creates its bucket idempotently and reports readiness', async () => {
    await expect(storage.ensureBucket()).resolves.toBeUndefined();
    await expect(storage.checkHealth()).resolves.toMatchObject({ status: 'up' });
    const missing = new ObjectStorage({ ...testS3Options(), bucket: 'gmdb-t-missing-bucket' });
    await expect(missing.checkHealth()).resolves.toMatchObject({ status: 'down' });
    missing.close();
  });
});
