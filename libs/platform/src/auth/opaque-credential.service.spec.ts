import type { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '@gmdb/domain';
import { OPAQUE_CREDENTIALS_TABLE } from './opaque-credential.entity';
import { credentialDataSource } from './opaque-credential.fixture';
import { OpaqueCredentialService } from './opaque-credential.service';
import { parseOpaqueToken } from './opaque-credential.token';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('OpaqueCredentialService (SQLite in memory, migrated)', () => {
  let dataSource: DataSource;
  let now: Date;
  let service: OpaqueCredentialService;

  beforeEach(async () => {
    dataSource = await credentialDataSource();
    now = new Date('2026-11-27T12:00:00Z');
    service = new OpaqueCredentialService(dataSource, () => now);
  });
  afterEach(() => dataSource.destroy());

  it('creates an institution key shown once and stores only a hash', async () => {
    const { token, credential } = await service.create({
      kind: 'institution-api-key',
      ownerId: 'inst-1',
      scopes: ['cases:write', 'cases:write'],
      label: 'HIS import',
    });
    expect(token).toMatch(/^gmdb_ak_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(credential).toMatchObject({ kind: 'institution-api-key', ownerId: 'inst-1', scopes: ['cases:write'], label: 'HIS import' });
    expect(JSON.stringify(credential)).not.toContain(parseOpaqueToken(token)?.secret);
    const rows: Array<Record<string, unknown>> = await dataSource.query(`SELECT * FROM ${OPAQUE_CREDENTIALS_TABLE}`);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(parseOpaqueToken(token)?.secret);
    expect(rows[0]['secret_hash']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies keys and researcher tokens into principals and records the last use', async () => {
    const key = await service.create({ kind: 'institution-api-key', ownerId: 'inst-1', scopes: ['cases:write'] });
    await expect(service.verify(key.token)).resolves.toEqual({
      kind: 'institution',
      institutionId: 'inst-1',
      keyId: key.credential.id,
      scopes: ['cases:write'],
    });
    expect((await service.get(key.credential.id))?.lastUsedAt?.toISOString()).toBe(now.toISOString());
    const rt = await service.create({ kind: 'researcher-token', ownerId: 'orcid-1', scopes: ['releases:download'], releaseIds: ['r1'] });
    expect(rt.token.startsWith('gmdb_rt_')).toBe(true);
    await expect(service.verify(rt.token, 'researcher-token')).resolves.toEqual({
      kind: 'researcher-token',
      subject: 'orcid-1',
      tokenId: rt.credential.id,
      scopes: ['releases:download'],
      releaseIds: ['r1'],
    });
    expect(await codeOf(service.verify(rt.token, 'institution-api-key'))).toBe(ErrorCode.API_KEY_INVALID);
  });

  it('gives distinct codes for unknown, tampered, expired and revoked credentials', async () => {
    const key = await service.create({
      kind: 'institution-api-key',
      ownerId: 'inst-1',
      scopes: [],
      expiresAt: new Date('2026-12-01T00:00:00Z'),
    });
    const parsed = parseOpaqueToken(key.token);
    expect(await codeOf(service.verify('gmdb_ak_nonsense'))).toBe(ErrorCode.API_KEY_INVALID);
    expect(await codeOf(service.verify(`gmdb_ak_0000000000000000_${parsed?.secret}`))).toBe(ErrorCode.API_KEY_INVALID);
    const tampered = `gmdb_ak_${parsed?.prefix}_${'A'.repeat(43)}`;
    expect(await codeOf(service.verify(tampered))).toBe(ErrorCode.API_KEY_INVALID);
    now = new Date('2026-12-02T00:00:00Z');
    expect(await codeOf(service.verify(key.token))).toBe(ErrorCode.API_KEY_EXPIRED);
    now = new Date('2026-11-28T00:00:00Z');
    await service.revoke(key.credential.id);
    expect(await codeOf(service.verify(key.token))).toBe(ErrorCode.API_KEY_REVOKED);
    expect(await codeOf(service.revoke('missing'))).toBe(ErrorCode.NOT_FOUND);
  });

  it('lists credentials newest first, by owner and kind, without secrets', async () => {
    await service.create({ kind: 'institution-api-key', ownerId: 'inst-1', scopes: [] });
    now = new Date('2026-11-27T13:00:00Z');
    const second = await service.create({ kind: 'institution-api-key', ownerId: 'inst-1', scopes: [] });
    await service.create({ kind: 'researcher-token', ownerId: 'r-1', scopes: [] });
    const listed = await service.list({ ownerId: 'inst-1', kind: 'institution-api-key' });
    expect(listed.map((c) => c.id)[0]).toBe(second.credential.id);
    expect(listed).toHaveLength(2);
    for (const c of listed) expect(Object.keys(c)).not.toContain('secretHash');
    expect(await service.list()).toHaveLength(3);
  });

  it('migration down drops the table', async () => {
    const runner = dataSource.createQueryRunner();
    expect(await runner.hasTable(OPAQUE_CREDENTIALS_TABLE)).toBe(true);
    await dataSource.undoLastMigration();
    expect(await runner.hasTable(OPAQUE_CREDENTIALS_TABLE)).toBe(false);
    await runner.release();
  });
});
