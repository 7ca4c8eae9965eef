import { createConfigSchema, databaseUrlField, env, httpConfigFields } from '@gmdb/platform';
import type { z } from 'zod';

export const doiServiceConfigSchema = createConfigSchema({
  ...httpConfigFields,
  DOI_PORT: env.int('HTTP port of doi-service (GraphQL /graphql)', { min: 0, max: 65535 }).default(4003),
  DOI_DATABASE_URL: databaseUrlField('doi-service', 'mysql://gmdb:secret@mariadb:3306/gmdb_doi'),
});

export type DoiServiceConfig = z.output<typeof doiServiceConfigSchema>;
