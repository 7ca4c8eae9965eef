import { createConfigSchema, databaseUrlField, env, httpConfigFields } from '@gmdb/platform';
import type { z } from 'zod';

export const caseServiceConfigSchema = createConfigSchema({
  ...httpConfigFields,
  CASE_PORT: env.int('HTTP port of case-service (REST /api/v1, GraphQL /graphql)', { min: 0, max: 65535 }).default(4001),
  CASE_DATABASE_URL: databaseUrlField('case-service', 'mysql://gmdb:secret@mariadb:3306/gmdb_case'),
  HPO_ONTOLOGY_FILE: env
    .string(
      'Path of the HPO release file hp.json; when set, HPO terms are checked for existence, obsolescence and label (format only otherwise)',
    )
    .optional(),
});

export type CaseServiceConfig = z.output<typeof caseServiceConfigSchema>;
