import { z } from 'zod';
import { env } from './config.fields';

/**
 * The HS256 secret the README documents for trying GMDB out locally. Anyone can read it, so a
 * production process refuses to start with it.
 */
export const DEV_JWT_SECRET = 'gmdb-dev-secret-do-not-use-in-production-0123456789';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const CLAIM_PATH = /^[A-Za-z0-9_:/-]+(\.[A-Za-z0-9_:/-]+)*$/;

/** The variables every GMDB process reads. Apps add theirs with `createConfigSchema({...})`. */
export const platformConfigFields = {
  GMDB_MODE: env
    .enum('standalone: one process, SQLite and a local S3 store; distributed: one process per app', [
      'standalone',
      'distributed',
    ])
    .default('standalone'),
  NODE_ENV: env.enum('Runtime environment', ['development', 'test', 'production']).default('development'),
  LOG_LEVEL: env.enum('pino log level', LOG_LEVELS).default('info'),
  GMDB_DATA_DIR: env.string('Directory for SQLite files and the local S3 store (standalone mode)').default('./var'),
  REDIS_URL: env.url('Redis for BullMQ queues (distributed mode)', ['redis', 'rediss']).default('redis://127.0.0.1:6379'),
  S3_ENDPOINT: env.url('S3-compatible endpoint; unset means AWS S3', ['http', 'https']).optional(),
  S3_REGION: env.string('S3 region').default('us-east-1'),
  S3_BUCKET: env.string('S3 bucket for images and documents').default('gmdb'),
  S3_ACCESS_KEY_ID: env.string({ description: 'S3 access key id', secret: true }).optional(),
  S3_SECRET_ACCESS_KEY: env.string({ description: 'S3 secret access key', secret: true }).optional(),
  S3_FORCE_PATH_STYLE: env.boolean('Path-style S3 URLs (MinIO, s3rver)').default(true),
  AUTH_JWT_SECRET: env
    .string(
      {
        description: `HS256 secret for user JWTs, at least 32 characters; required unless AUTH_JWKS_URL is set (local development: ${DEV_JWT_SECRET})`,
        secret: true,
      },
      { min: 32 },
    )
    .optional(),
  AUTH_JWKS_URL: env.url('JWKS endpoint of the identity provider (RS256/ES256 tokens)', ['http', 'https']).optional(),
  AUTH_JWT_ISSUER: env.string('Expected `iss` of user JWTs').optional(),
  AUTH_JWT_AUDIENCE: env.string('Expected `aud` of user JWTs').optional(),
  AUTH_ROLES_CLAIM: env
    .string('Claim holding the roles; a dotted path reads nested claims (Keycloak: realm_access.roles)', {
      regex: CLAIM_PATH,
      hint: 'must be a claim name or a dotted path such as realm_access.roles',
    })
    .default('roles'),
  AUTH_INSTITUTION_CLAIM: env
    .string('Claim holding the user\u2019s institution id (dotted path allowed)', {
      regex: CLAIM_PATH,
      hint: 'must be a claim name or a dotted path',
    })
    .default('institution'),
};

type PlatformFields = typeof platformConfigFields;
type PlatformValues = z.output<z.ZodObject<PlatformFields>>;

/** Rules across variables: one JWT key source, and no published secret in production. */
function checkPlatformRules(cfg: PlatformValues, ctx: z.RefinementCtx): void {
  if (!cfg.AUTH_JWT_SECRET && !cfg.AUTH_JWKS_URL) {
    ctx.addIssue({ code: 'custom', path: ['AUTH_JWT_SECRET'], message: 'is required unless AUTH_JWKS_URL is set' });
  }
  if (cfg.AUTH_JWT_SECRET && cfg.AUTH_JWKS_URL) {
    ctx.addIssue({
      code: 'custom',
      path: ['AUTH_JWKS_URL'],
      message: 'set either AUTH_JWT_SECRET (HS256) or AUTH_JWKS_URL (RS256/ES256), not both',
    });
  }
  if (cfg.NODE_ENV === 'production' && cfg.AUTH_JWT_SECRET === DEV_JWT_SECRET) {
    ctx.addIssue({
      code: 'custom',
      path: ['AUTH_JWT_SECRET'],
      message: 'is the documented development secret, which is refused when NODE_ENV=production',
    });
  }
}

/** The platform variables plus an app's own, with the platform's cross-variable rules. */
export function createConfigSchema<E extends z.ZodRawShape = Record<never, never>>(extra?: E) {
  const shape = { ...platformConfigFields, ...(extra ?? ({} as E)) };
  return z.object(shape).superRefine((cfg, ctx) => checkPlatformRules(cfg as PlatformValues, ctx));
}

export const platformConfigSchema = createConfigSchema();
export type PlatformConfig = z.output<typeof platformConfigSchema>;
