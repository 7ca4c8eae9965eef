import { QueueName } from '@gmdb/domain';
import { defineHttpService } from '@gmdb/platform';
import { consentServiceConfigSchema } from './config/consent-service.config';
import { ConsentModule } from './consent.module';
import { consentSubgraphTypeDefs } from './graphql/consent.schema';
import { consentServiceEntities, consentServiceMigrations } from './migrations/consent-service.migrations';
import { CaseRegisteredHandler } from './registrations/case-registered.handler';
import { StatusResolver } from './status/status.resolver';

/** consent-service: digital consent, invitations, signatures, withdrawal. */
export const consentServiceDefinition = defineHttpService({
  name: 'consent-service',
  configSchema: consentServiceConfigSchema,
  port: (config) => config.CONSENT_PORT,
  database: { url: (config) => config.CONSENT_DATABASE_URL, variable: 'CONSENT_DATABASE_URL' },
  entities: consentServiceEntities,
  migrations: consentServiceMigrations,
  messaging: { queue: QueueName.Consent, handlers: [CaseRegisteredHandler] },
  storage: true,
  typeDefs: consentSubgraphTypeDefs,
  imports: () => [ConsentModule.forRoot()],
  providers: [StatusResolver],
});
