import { QueueName } from '@gmdb/domain';
import { defineHttpService } from '@gmdb/platform';
import { ANALYSIS_CONTROLLERS, ANALYSIS_HANDLERS, ANALYSIS_PROVIDERS } from './analyses/analysis.parts';
import { CASE_CONTROLLERS, CASE_PROVIDERS } from './cases/case.providers';
import { COHORT_CONTROLLERS, COHORT_HANDLERS, COHORT_PROVIDERS } from './cohorts/cohort.parts';
import { caseServiceConfigSchema } from './config/case-service.config';
import { ConsentChangedHandler } from './consent/consent-changed.handler';
import { EraseCasePhotosHandler } from './consent/erase-case-photos.handler';
import { DOCUMENT_CONTROLLERS, DOCUMENT_PROVIDERS } from './documents/document.parts';
import { caseSubgraphTypeDefs } from './graphql/case.schema';
import { caseServiceEntities, caseServiceMigrations } from './migrations/case-service.migrations';
import { IMAGE_CONTROLLERS, IMAGE_HANDLERS, IMAGE_PROVIDERS, MEDIA_PROVIDERS } from './images/image.parts';
import { installUploadJsonParser } from './images/upload/upload-json-parser';
import { serveCaseApiDocs } from './openapi/case-api.document';
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
  messaging: { queue: QueueName.Case, handlers: [...IMAGE_HANDLERS, ...ANALYSIS_HANDLERS, ...COHORT_HANDLERS, ConsentChangedHandler, EraseCasePhotosHandler] },
  storage: true,
  opaqueCredentials: true,
  typeDefs: caseSubgraphTypeDefs,
  providers: [StatusResolver, hpoOntologyProvider, ...CASE_PROVIDERS, ...MEDIA_PROVIDERS, ...IMAGE_PROVIDERS, ...DOCUMENT_PROVIDERS, ...ANALYSIS_PROVIDERS, ...COHORT_PROVIDERS],
  controllers: [...CASE_CONTROLLERS, ...IMAGE_CONTROLLERS, ...DOCUMENT_CONTROLLERS, ...ANALYSIS_CONTROLLERS, ...COHORT_CONTROLLERS],
  configure: (app) => {
    installUploadJsonParser(app);
    serveCaseApiDocs(app);
  },
});
