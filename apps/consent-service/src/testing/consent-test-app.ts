import { EventName, JobName, MESSAGE_ROUTES, QueueName, Role } from '@gmdb/domain';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import {
  DEV_JWT_SECRET,
  DatabaseModule,
  DevTokenIssuer,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  MessagingModule,
  createEnvelope,
  type MessageRoutes,
  type MessageTransport,
  ObjectStorageModule,
  PlatformModule,
  type RunningHttpApp,
  SubgraphModule,
  createLogger,
  createTransport,
  graphQLErrorFormatter,
  loadConfig,
  startHttpApp,
} from '@gmdb/platform';
import { type TestDatabase, clearRedisPrefix, createTestDatabase, testQueuePrefix, testRedisUrl, testS3Options } from '@gmdb/platform/testing';
import { type ConsentServiceConfig, consentServiceConfigSchema } from '../config/consent-service.config';
import { ConsentModule } from '../consent.module';
import { consentSubgraphTypeDefs } from '../graphql/consent.schema';
import { consentServiceEntities, consentServiceMigrations } from '../migrations/consent-service.migrations';
import { CaseRegisteredHandler } from '../registrations/case-registered.handler';
import { CaseRegistrationEntity } from '../entities/case-registration.entity';
import { StatusResolver } from '../status/status.resolver';

/** Routes with consent-service's messages switched on to case-service (as they will be). */
export const ROUTED: MessageRoutes = {
  ...MESSAGE_ROUTES,
  [EventName.ConsentChanged]: [QueueName.Case],
  [JobName.EraseCasePhotos]: [QueueName.Case],
};

export interface ConsentTestApp {
  app: RunningHttpApp;
  url: string;
  db: TestDatabase;
  transport: MessageTransport;
  config: ConsentServiceConfig;
  tokens: DevTokenIssuer;
  /**
   * Registers a case as case-service does (a `case.registered` event on consent-service's queue)
   * and waits until consent-service has recorded it. Default: `dr-bonn` is its clinician.
   */
  registerCase(caseId: string, registration?: { institutionId?: string; clinicians?: string[] }): Promise<void>;
  close(): Promise<void>;
}

/**
 * consent-service as the service module builds it (platform, MariaDB, BullMQ messaging with
 * an outbox relay, S3, its subgraph), on a fresh database and queue prefix, with a routing
 * table of the test's choice.
 */
export async function startConsentTestApp(
  options: { routes?: MessageRoutes; env?: Record<string, string>; db?: TestDatabase } = {},
): Promise<ConsentTestApp> {
  const db = options.db ?? (await createConsentTestDatabase());
  const s3 = testS3Options();
  const prefix = testQueuePrefix();
  const config = loadConfig(consentServiceConfigSchema, {
    GMDB_MODE: 'distributed',
    LOG_LEVEL: 'silent',
    AUTH_JWT_SECRET: DEV_JWT_SECRET,
    CONSENT_DATABASE_URL: db.url,
    CONSENT_PORT: '0',
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    S3_BUCKET: `gmdb-t-${prefix.slice(-10)}`,
    REDIS_URL: testRedisUrl(),
    ...options.env,
  });
  const logger = createLogger({ name: 'consent-service', level: 'silent' });
  const transport = createTransport({ driver: 'bullmq', redisUrl: testRedisUrl(), prefix });
  const routes = options.routes ?? MESSAGE_ROUTES;
  const entities = [...MESSAGING_ENTITIES, ...consentServiceEntities];
  const migrations = [...MESSAGING_MIGRATIONS, ...consentServiceMigrations];
  class ConsentTestRoot {}
  const app = await startHttpApp(
    {
      module: ConsentTestRoot,
      imports: [
        PlatformModule.forRoot({ serviceName: 'consent-service', config, logger }),
        DatabaseModule.forRoot({ connection: { kind: 'mysql', url: db.url }, entities, migrations }),
        MessagingModule.forRoot({ transport, consumerName: 'consent-service', queue: QueueName.Consent, handlers: [CaseRegisteredHandler], handlersProvidedBy: 'app', routes, outbox: { pollIntervalMs: 250 } }),
        ObjectStorageModule.forRoot(config),
        SubgraphModule.forRoot({ typeDefs: consentSubgraphTypeDefs, introspection: true, formatError: graphQLErrorFormatter(logger) }),
        ConsentModule.forRoot(),
      ],
      providers: [StatusResolver, CaseRegisteredHandler],
    },
    { name: 'consent-service', host: '127.0.0.1', port: 0, bodyLimit: config.GMDB_BODY_LIMIT, logger },
  );
  return {
    app,
    url: app.url,
    db,
    transport,
    config,
    tokens: DevTokenIssuer.fromConfig(config),
    registerCase: (caseId, registration) => registerCase(transport, db.dataSource, caseId, registration),
    close: async () => {
      await app.close();
      await transport.close();
      await clearRedisPrefix(prefix);
      if (!options.db) await db.drop();
    },
  };
}

/**
 * Registers a case as case-service does: a `case.registered` event on consent-service's queue;
 * resolves once consent-service has recorded it. Default: `dr-bonn` of `uni-bonn` is its clinician.
 */
export async function registerCase(
  transport: MessageTransport,
  dataSource: DataSource,
  caseId: string,
  registration: { institutionId?: string; clinicians?: string[] } = {},
): Promise<void> {
  const payload = { caseId, institutionId: registration.institutionId ?? 'uni-bonn', clinicians: registration.clinicians ?? ['dr-bonn'] };
  await transport.publish(QueueName.Consent, createEnvelope({ name: EventName.CaseRegistered, payload }));
  for (let waited = 0; !(await dataSource.getRepository(CaseRegistrationEntity).existsBy({ caseId })); waited += 20) {
    if (waited > 10_000) throw new Error(`case.registered for ${caseId} was not handled within 10 s`);
    await sleep(20);
  }
}

/** A fresh MariaDB database with consent-service's tables (and the outbox). */
export function createConsentTestDatabase(): Promise<TestDatabase> {
  return createTestDatabase({ entities: [...MESSAGING_ENTITIES, ...consentServiceEntities], migrations: [...MESSAGING_MIGRATIONS, ...consentServiceMigrations] });
}

/** A small HTTP client for the tests. */
export function consentClient(baseUrl: string) {
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: response.status, body: json as Record<string, unknown> & { error?: { code: string; issues?: { path: string; code: string }[] } }, headers: response.headers };
  };
  return {
    get: (path: string, token?: string) => call('GET', path, token),
    post: (path: string, token?: string, body?: unknown) => call('POST', path, token, body),
    graphql: async (query: string, variables: Record<string, unknown> = {}, token?: string) =>
      (await call('POST', '/graphql', token, { query, variables })).body as {
        data?: Record<string, unknown> | null;
        errors?: { message: string; extensions: { code: string; issues?: { path: string; code: string }[] } }[];
      },
  };
}

export const clinicianToken = (tokens: DevTokenIssuer, subject = 'dr-bonn') =>
  tokens.issue({ subject, roles: [Role.Clinician], institutionId: 'uni-bonn', expiresIn: '1h' });

/** A 1x1 PNG as base64: the drawn signature of the tests. */
export const SIGNATURE_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
