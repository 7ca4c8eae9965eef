import { randomUUID } from 'node:crypto';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { CaseAccessLevel, type Role } from '@gmdb/domain';
import {
  DEV_JWT_SECRET,
  DevTokenIssuer,
  InProcessTransport,
  ObjectStorage,
  type RunningService,
  createLogger,
  loadConfig,
} from '@gmdb/platform';
import { type TestDatabase, createTestDatabase, testS3Options } from '@gmdb/platform/testing';
import type { DataSource } from 'typeorm';
import { caseServiceDefinition } from '../../case-service.definition';
import { CaseMemberEntity } from '../../cases/entities/case-member.entity';
import { CaseEntity } from '../../cases/entities/case.entity';

export interface SeedCase {
  accessLevel?: CaseAccessLevel;
  institutionId?: string;
  clinicians?: string[];
  patients?: string[];
}

/** The real case-service on a free port: fresh MariaDB database, fresh S3 bucket, in-process queues. */
export interface CaseServiceHarness {
  url: string;
  dataSource: DataSource;
  storage: ObjectStorage;
  transport: InProcessTransport;
  token(subject: string, roles: Role[], extra?: { institutionId?: string; caseIds?: string[] }): Promise<string>;
  seedCase(seed?: SeedCase): Promise<string>;
  /** Every key in the bucket (to check nothing is half-stored). */
  objectKeys(): Promise<string[]>;
  close(): Promise<void>;
}

export async function startCaseServiceHarness(env: Record<string, string> = {}): Promise<CaseServiceHarness> {
  const database: TestDatabase = await createTestDatabase({
    entities: caseServiceDefinition.entities,
    migrations: caseServiceDefinition.migrations,
  });
  const s3 = testS3Options();
  const bucket = `gmdb-t-${randomUUID().slice(0, 10)}`;
  const config = loadConfig(caseServiceDefinition.configSchema, {
    GMDB_MODE: 'distributed',
    LOG_LEVEL: 'silent',
    AUTH_JWT_SECRET: DEV_JWT_SECRET,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    S3_BUCKET: bucket,
    CASE_DATABASE_URL: database.url,
    CASE_PORT: '0',
    ...env,
  });
  const transport = new InProcessTransport({ namespace: `images-${randomUUID()}`, retry: { attempts: 2, backoffMs: 10 } });
  const service: RunningService = await caseServiceDefinition.start(config, {
    transport,
    logger: createLogger({ name: 'case-service', level: 'silent' }),
  });
  const storage = new ObjectStorage({ ...s3, bucket });
  const s3Client = new S3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId ?? 'S3RVER', secretAccessKey: s3.secretAccessKey ?? 'S3RVER' },
  });
  const issuer = new DevTokenIssuer({ secret: DEV_JWT_SECRET });
  const ds = database.dataSource;
  return {
    url: service.url,
    dataSource: ds,
    storage,
    transport,
    token: (subject, roles, extra = {}) => issuer.issue({ subject, roles, ...extra, expiresIn: '1h' }),
    async seedCase(seed = {}) {
      const id = randomUUID();
      const now = new Date();
      await ds.getRepository(CaseEntity).insert({
        id,
        institutionId: seed.institutionId ?? 'inst-a',
        externalId: `ext-${id}`,
        sourceKind: 'clinician',
        publicationId: null,
        sourceContact: null,
        sex: 'female',
        ageAtLastExamination: null,
        ageAtLastExaminationDays: null,
        variants: [],
        distinctiveness: null,
        accessLevel: seed.accessLevel ?? CaseAccessLevel.Fair,
        consentId: null,
        consentVersion: null,
        solved: false,
        revision: 1,
        createdAt: now,
        updatedAt: now,
      });
      const members = [
        ...(seed.clinicians ?? ['dr-a']).map((subject) => ({ caseId: id, role: 'clinician' as const, subject })),
        ...(seed.patients ?? []).map((subject) => ({ caseId: id, role: 'patient' as const, subject })),
      ];
      if (members.length > 0) await ds.getRepository(CaseMemberEntity).insert(members);
      return id;
    },
    async objectKeys() {
      const page = await s3Client.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1000 }));
      return (page.Contents ?? []).map((o) => o.Key ?? '').sort();
    },
    async close() {
      await service.close();
      await transport.close();
      storage.close();
      s3Client.destroy();
      await database.drop();
    },
  };
}
