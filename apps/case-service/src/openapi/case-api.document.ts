import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export const API_DOCS_PATH = 'api/docs';
export const API_DOCS_JSON_PATH = 'api/docs-json';

/** The OpenAPI 3 document of case-service's REST API, generated from its controllers. */
export function buildCaseApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('GMDB case-service')
    .setDescription(
      'REST API of the GestaltMatcher Database for hospital systems: cases, photos and documents. ' +
        'Authenticate with an institution API key (`Authorization: ApiKey <key>` or `X-API-Key`) or a user JWT (`Authorization: Bearer`). ' +
        'Errors are `{ error: { code, message, issues?, correlationId } }`. Every POST takes an `Idempotency-Key`.',
    )
    .setVersion('1')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'Institution API key' }, 'ApiKey')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` });
}

/** Serves the document at /api/docs (Swagger UI, assets bundled, no network) and /api/docs-json. */
export function serveCaseApiDocs(app: INestApplication): void {
  let document: OpenAPIObject | undefined;
  SwaggerModule.setup(API_DOCS_PATH, app, () => (document ??= buildCaseApiDocument(app)), {
    jsonDocumentUrl: API_DOCS_JSON_PATH,
    raw: ['json'],
  });
}
