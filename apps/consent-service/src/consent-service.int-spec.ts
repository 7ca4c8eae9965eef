import { EventName, JobName, MESSAGE_ROUTES } from '@gmdb/domain';
import { DEV_JWT_SECRET, DevTokenIssuer, MESSAGING_ENTITIES, MESSAGING_MIGRATIONS, OutboxMessageEntity, type RunningService, createLogger, createTransport, loadConfig } from '@gmdb/platform';
import { type TestDatabase, clearRedisPrefix, createTestSqliteDatabase, testQueuePrefix, testRedisUrl, testS3Options } from '@gmdb/platform/testing';
import { IsNull } from 'typeorm';
import { consentServiceDefinition } from './consent-service.definition';
import { CaseRegistrationEntity } from './entities/case-registration.entity';
import { ConsentTemplateEntity } from './entities/consent-template.entity';
import { ConsentVersionEntity } from './entities/consent-version.entity';
import { ConsentErasureEntity } from './entities/consent-erasure.entity';
import { ConsentSweep } from './erasure/consent.sweep';
import { consentServiceEntities, consentServiceMigrations } from './migrations/consent-service.migrations';
import { ROUTED, SIGNATURE_PNG, clinicianToken, consentClient, createConsentTestDatabase, registerCase, startConsentTestApp } from './testing/consent-test-app';

const choices = { dataUse: 'fair', presentations: false, teaching: true, otherJournals: false, matchmakingContact: false };
const signer = { name: 'Max Muster', relation: 'self', signature: SIGNATURE_PNG };

describe('consent-service as the app definition builds it', () => {
  it('migrates on SQLite too (standalone mode), seeds the templates, and every migration undoes', async () => {
    const db = await createTestSqliteDatabase({ entities: [...MESSAGING_ENTITIES, ...consentServiceEntities], migrations: [...MESSAGING_MIGRATIONS, ...consentServiceMigrations] });
    try {
      const templates = await db.dataSource.getRepository(ConsentTemplateEntity).find({ order: { language: 'ASC' } });
      expect(templates.map((t) => [t.version, t.language])).toEqual([['1', 'de'], ['1', 'en']]);
      await db.dataSource.getRepository(CaseRegistrationEntity).insert({ caseId: 'c1', institutionId: 'i1', clinicians: ['dr-a'], registeredAt: new Date() });
      expect(await db.dataSource.getRepository(CaseRegistrationEntity).findOneByOrFail({ caseId: 'c1' })).toMatchObject({ clinicians: ['dr-a'] });
      await db.dataSource.undoLastMigration();
      expect(await db.dataSource.query(`SELECT name FROM sqlite_master WHERE name = 'consent_case_registrations'`)).toEqual([]);
      await db.dataSource.undoLastMigration();
      expect(await db.dataSource.getRepository(ConsentTemplateEntity).count()).toBe(0);
    } finally {
      await db.drop();
    }
  });

  describe('booted through consentServiceDefinition (routes: MESSAGE_ROUTES as committed)', () => {
    let db: TestDatabase;
    let service: RunningService;
    const prefix = `${testQueuePrefix()}-def`;
    const transport = createTransport({ driver: 'bullmq', redisUrl: testRedisUrl(), prefix });

    beforeAll(async () => {
      db = await createConsentTestDatabase();
      const s3 = testS3Options();
      const config = loadConfig(consentServiceDefinition.configSchema, {
        GMDB_MODE: 'distributed',
        LOG_LEVEL: 'silent',
        AUTH_JWT_SECRET: DEV_JWT_SECRET,
        CONSENT_DATABASE_URL: db.url,
        CONSENT_PORT: '0',
        REDIS_URL: testRedisUrl(),
        S3_ENDPOINT: s3.endpoint,
        S3_ACCESS_KEY_ID: s3.accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
        S3_BUCKET: `gmdb-t-${prefix.slice(-10)}`,
      });
      service = await consentServiceDefinition.start(config, { transport, logger: createLogger({ name: 'consent-service', level: 'silent' }) });
    });
    afterAll(async () => {
      await service?.close();
      await transport.close();
      await clearRedisPrefix(prefix);
      await db?.drop();
    });

    it('signs and withdraws; consent.changed is in the outbox exactly when MESSAGE_ROUTES routes it', async () => {
      const client = consentClient(service.url);
      const tokens = new DevTokenIssuer({ secret: DEV_JWT_SECRET });
      const clinician = await clinicianToken(tokens);
      await registerCase(transport, db.dataSource, 'case-u1');
      const invited = await client.graphql('mutation($i: InviteToConsentInput!) { inviteToConsent(input: $i) { token } }', { i: { caseId: 'case-u1', language: 'en' } }, clinician);
      const token = (invited.data?.['inviteToConsent'] as { token: string }).token;
      const signed = await client.post(`/api/v1/invitations/${token}/sign`, undefined, { choices, signer });
      expect(signed.body['consent']).toMatchObject({ version: 1, accessLevel: 'fair' });
      const withdrawn = await client.post('/api/v1/consents/case-u1/withdraw', clinician, {});
      expect(withdrawn.body).toMatchObject({ withdrawnNow: true, consent: { version: 2 }, erasure: { status: 'scheduled' } });
      const routedNow = MESSAGE_ROUTES[EventName.ConsentChanged].length > 0;
      expect(await db.dataSource.getRepository(OutboxMessageEntity).countBy({ name: EventName.ConsentChanged })).toBe(routedNow ? 2 : 0);
      expect(await db.dataSource.getRepository(ConsentVersionEntity).countBy({ announcedAt: IsNull() })).toBe(routedNow ? 0 : 2);
    });
  });

  it('writes nothing unroutable, and a release that routes the messages announces what was written before', async () => {
    const db = await createConsentTestDatabase();
    const unrouted = await startConsentTestApp({ routes: { ...MESSAGE_ROUTES, [EventName.ConsentChanged]: [], [JobName.EraseCasePhotos]: [] }, db });
    try {
      const client = consentClient(unrouted.url);
      const clinician = await clinicianToken(unrouted.tokens);
      await unrouted.registerCase('case-u1');
      const invited = await client.graphql('mutation($i: InviteToConsentInput!) { inviteToConsent(input: $i) { token } }', { i: { caseId: 'case-u1', language: 'en' } }, clinician);
      const token = (invited.data?.['inviteToConsent'] as { token: string }).token;
      expect((await client.post(`/api/v1/invitations/${token}/sign`, undefined, { choices, signer })).status).toBe(201);
      expect((await client.post('/api/v1/consents/case-u1/withdraw', clinician, {})).body).toMatchObject({ withdrawnNow: true });
      expect(await db.dataSource.getRepository(OutboxMessageEntity).count()).toBe(0);
      expect(await db.dataSource.getRepository(ConsentVersionEntity).countBy({ announcedAt: IsNull() })).toBe(2);
      const idle = unrouted.app.app.get(ConsentSweep, { strict: false });
      expect(await idle.runOnce(new Date(Date.now() + 800 * 3600_000))).toEqual({ announced: 0, erasuresQueued: 0 });
    } finally {
      await unrouted.close();
    }
    const routed = await startConsentTestApp({ routes: ROUTED, db });
    try {
      const sweep = routed.app.app.get(ConsentSweep, { strict: false });
      await sweep.runOnce();
      const rows = await db.dataSource.getRepository(OutboxMessageEntity).find({ order: { id: 'ASC' } });
      expect(rows.map((r) => [r.name, JSON.parse(r.payload).version, JSON.parse(r.payload).accessLevel])).toEqual([
        [EventName.ConsentChanged, 1, 'fair'],
        [EventName.ConsentChanged, 2, 'withdrawn'],
      ]);
      expect(await sweep.runOnce(new Date(Date.now() + 800 * 3600_000))).toEqual({ announced: 0, erasuresQueued: 1 });
      expect((await db.dataSource.getRepository(ConsentErasureEntity).findOneByOrFail({ caseId: 'case-u1' })).status).toBe('queued');
    } finally {
      await routed.close();
      await db.drop();
    }
  });
});
