import { QueueName } from '@gmdb/domain';
import { defineHttpService } from '@gmdb/platform';
import { caseServiceConfigSchema } from './config/case-service.config';
import { caseSubgraphTypeDefs } from './graphql/case.schema';
import { caseServiceEntities, caseServiceMigrations } from './migrations/case-service.migrations';
import { hpoOntologyProvider } from './phenotype/hpo-ontology.provider';
import { StatusResolver } from './status/status.resolver';

/** case-service: cases, photos, gallery, statistics, analyses; REST /api/v1 and the case subgraph. */
export const caseServiceDefinition = defineHttpService({
  name: 'case-service',
  configSchema: caseServiceConfigSchema,
  port: (config) => config.CASE_PORT,
  database: { url: (config) => config.CASE_DATABASE_URL, variable: 'CASE_DATABASE_URL' },
  entities: caseServiceEntities,
  migrations: caseServiceMigrations,
  messaging: { queue: QueueName.Case, handlers: [] },
  storage: true,
  opaqueCredentials: true,
  typeDefs: caseSubgraphTypeDefs,
  providers: [StatusResolver, hpoOntologyProvider],
});
