import { QueueName } from '@gmdb/domain';
import { defineHttpService } from '@gmdb/platform';
import { doiServiceConfigSchema } from './config/doi-service.config';
import { doiSubgraphTypeDefs } from './graphql/doi.schema';
import { doiServiceEntities, doiServiceMigrations } from './migrations/doi-service.migrations';
import { StatusResolver } from './status/status.resolver';

/** doi-service: micro-publications, review, DataCite DOIs, landing pages. */
export const doiServiceDefinition = defineHttpService({
  name: 'doi-service',
  configSchema: doiServiceConfigSchema,
  port: (config) => config.DOI_PORT,
  database: { url: (config) => config.DOI_DATABASE_URL, variable: 'DOI_DATABASE_URL' },
  entities: doiServiceEntities,
  migrations: doiServiceMigrations,
  messaging: { queue: QueueName.Doi, handlers: [] },
  typeDefs: doiSubgraphTypeDefs,
  providers: [StatusResolver],
});
