import { createConfigSchema, databaseUrlField, env, httpConfigFields } from '@gmdb/platform';
import type { z } from 'zod';

export const consentServiceConfigSchema = createConfigSchema({
  ...httpConfigFields,
  CONSENT_PORT: env.int('HTTP port of consent-service (GraphQL /graphql)', { min: 0, max: 65535 }).default(4002),
  CONSENT_DATABASE_URL: databaseUrlField('consent-service', 'mysql://gmdb:secret@mariadb:3306/gmdb_consent'),
});

export type ConsentServiceConfig = z.output<typeof consentServiceConfigSchema>;
