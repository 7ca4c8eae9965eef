import { createConfigSchema, databaseUrlField, env, httpConfigFields } from '@gmdb/platform';
import type { z } from 'zod';

export const consentServiceConfigSchema = createConfigSchema({
  ...httpConfigFields,
  CONSENT_PORT: env.int('HTTP port of consent-service (GraphQL /graphql)', { min: 0, max: 65535 }).default(4002),
  CONSENT_DATABASE_URL: databaseUrlField('consent-service', 'mysql://gmdb:secret@mariadb:3306/gmdb_consent'),
  CONSENT_INVITATION_TTL_HOURS: env
    .int('How long a consent invitation link stays valid (hours); each link works once', { min: 1, max: 24 * 90 })
    .default(168),
  CONSENT_SIGNING_URL: env
    .url('Base of the invitation links sent to patients (the signing page; the token is appended as a path segment)', ['http', 'https'])
    .default('http://127.0.0.1:4002/api/v1/invitations'),
  CONSENT_PATIENT_TOKEN_TTL_HOURS: env
    .int('Lifetime (hours) of the patient account token minted after online signing (HS256 only; with AUTH_JWKS_URL accounts come from the identity provider)', { min: 1, max: 24 * 365 })
    .default(720),
  CONSENT_ERASURE_GRACE_HOURS: env
    .int('Hours between a withdrawal and the erasure of the case\u2019s photos', { min: 0, max: 24 * 365 })
    .default(720),
  CONSENT_SWEEP_INTERVAL_SECONDS: env
    .int('How often consent-service queues due photo erasures and announces consent versions not yet announced', { min: 1, max: 3600 })
    .default(60),
  CONSENT_SCAN_MAX_BYTES: env
    .int('Largest scan of a signed paper consent accepted (PDF, JPEG or PNG), in bytes', { min: 1024, max: 100 * 1024 * 1024 })
    .default(10 * 1024 * 1024),
});

export type ConsentServiceConfig = z.output<typeof consentServiceConfigSchema>;
