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
  CASE_MAX_UPLOAD_BYTES: env
    .int('Largest photo or document accepted in one upload, in bytes (after base64 decoding); larger answers 413', { min: 1024, max: 200 * 1024 * 1024 })
    .default(20 * 1024 * 1024),
  CASE_MAX_IMAGE_PIXELS: env
    .int('Largest photo accepted, in pixels (width x height, checked from the header before decoding; decompression bombs answer 413 IMAGE_TOO_LARGE)', { min: 10_000, max: 500_000_000 })
    .default(50_000_000),
  CASE_THUMBNAIL_SIZE: env.int('Longest side of the stored photo thumbnails, in pixels', { min: 32, max: 2048 }).default(256),
  CASE_MEDIA_URL_TTL_SECONDS: env
    .int('Lifetime of the presigned S3 URLs handed out for photos and documents, in seconds (at most 300, the storage cap)', { min: 10, max: 300 })
    .default(120),
});

export type CaseServiceConfig = z.output<typeof caseServiceConfigSchema>;
