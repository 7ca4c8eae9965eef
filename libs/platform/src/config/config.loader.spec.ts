import { z } from 'zod';
import { ConfigError } from './config.error';
import { env } from './config.fields';
import { loadConfig, loadConfigOrExit } from './config.loader';
import { DEV_JWT_SECRET, createConfigSchema, platformConfigSchema } from './platform-config.schema';

const SECRET = 's'.repeat(40);

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig with the platform schema', () => {
  it('applies the documented defaults', () => {
    const cfg = loadConfig(platformConfigSchema, { AUTH_JWT_SECRET: SECRET });
    expect(cfg).toMatchObject({
      GMDB_MODE: 'standalone',
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      GMDB_DATA_DIR: './var',
      REDIS_URL: 'redis://127.0.0.1:6379',
      S3_REGION: 'us-east-1',
      S3_BUCKET: 'gmdb',
      S3_FORCE_PATH_STYLE: true,
      AUTH_ROLES_CLAIM: 'roles',
      AUTH_INSTITUTION_CLAIM: 'institution',
    });
    expect(cfg.S3_ENDPOINT).toBeUndefined();
  });

  it('parses booleans strictly and rejects "yes", naming the variable', () => {
    expect(loadConfig(platformConfigSchema, { AUTH_JWT_SECRET: SECRET, S3_FORCE_PATH_STYLE: 'false' }).S3_FORCE_PATH_STYLE).toBe(false);
    expect(loadConfig(platformConfigSchema, { AUTH_JWT_SECRET: SECRET, S3_FORCE_PATH_STYLE: '0' }).S3_FORCE_PATH_STYLE).toBe(false);
    const err = configError(() => loadConfig(platformConfigSchema, { AUTH_JWT_SECRET: SECRET, S3_FORCE_PATH_STYLE: 'yes' }));
    expect(err.issues).toEqual([{ variable: 'S3_FORCE_PATH_STYLE', message: 'must be one of true, false, 1, 0' }]);
    expect(err.message).toContain('S3_FORCE_PATH_STYLE: must be one of true, false, 1, 0');
  });

  it('parses integers strictly', () => {
    const schema = createConfigSchema({ PORT: env.int('HTTP port', { min: 1, max: 65535 }).default(3000) });
    expect(loadConfig(schema, { AUTH_JWT_SECRET: SECRET }).PORT).toBe(3000);
    expect(loadConfig(schema, { AUTH_JWT_SECRET: SECRET, PORT: '8080' }).PORT).toBe(8080);
    for (const bad of ['80.5', '1e3', 'eighty', '0', '70000']) {
      const err = configError(() => loadConfig(schema, { AUTH_JWT_SECRET: SECRET, PORT: bad }));
      expect(err.issues.map((i) => i.variable)).toEqual(['PORT']);
    }
  });

  it('names every bad variable at once and never prints a secret value', () => {
    const leaked = 'short-secret-value';
    const err = configError(() =>
      loadConfig(platformConfigSchema, {
        GMDB_MODE: 'cluster',
        LOG_LEVEL: 'loud',
        REDIS_URL: 'http://localhost',
        AUTH_JWT_SECRET: leaked,
      }),
    );
    expect(err.issues.map((i) => i.variable).sort()).toEqual(['AUTH_JWT_SECRET', 'GMDB_MODE', 'LOG_LEVEL', 'REDIS_URL']);
    expect(err.message).toContain('GMDB_MODE: must be one of standalone, distributed');
    expect(err.message).toContain('AUTH_JWT_SECRET: must be at least 32 characters long');
    expect(err.message).not.toContain(leaked);
  });

  it('requires AUTH_JWT_SECRET unless AUTH_JWKS_URL is set, and not both', () => {
    expect(configError(() => loadConfig(platformConfigSchema, {})).issues).toEqual([
      { variable: 'AUTH_JWT_SECRET', message: 'is required unless AUTH_JWKS_URL is set' },
    ]);
    const jwks = loadConfig(platformConfigSchema, { AUTH_JWKS_URL: 'https://idp.example.org/certs' });
    expect(jwks.AUTH_JWT_SECRET).toBeUndefined();
    const both = configError(() =>
      loadConfig(platformConfigSchema, { AUTH_JWKS_URL: 'https://idp.example.org/certs', AUTH_JWT_SECRET: SECRET }),
    );
    expect(both.issues.map((i) => i.variable)).toEqual(['AUTH_JWKS_URL']);
  });

  it('treats an empty value as unset', () => {
    const cfg = loadConfig(platformConfigSchema, { AUTH_JWT_SECRET: SECRET, LOG_LEVEL: '', S3_ENDPOINT: ' ' });
    expect(cfg.LOG_LEVEL).toBe('info');
    expect(cfg.S3_ENDPOINT).toBeUndefined();
  });

  it('refuses the documented development secret in production only', () => {
    expect(loadConfig(platformConfigSchema, { AUTH_JWT_SECRET: DEV_JWT_SECRET }).AUTH_JWT_SECRET).toBe(DEV_JWT_SECRET);
    const err = configError(() =>
      loadConfig(platformConfigSchema, { AUTH_JWT_SECRET: DEV_JWT_SECRET, NODE_ENV: 'production' }),
    );
    expect(err.issues).toEqual([
      { variable: 'AUTH_JWT_SECRET', message: expect.stringContaining('refused when NODE_ENV=production') },
    ]);
    expect(err.message).not.toContain(DEV_JWT_SECRET);
  });

  it('accepts dotted claim paths (Keycloak) and rejects malformed ones', () => {
    const cfg = loadConfig(platformConfigSchema, { AUTH_JWT_SECRET: SECRET, AUTH_ROLES_CLAIM: 'realm_access.roles' });
    expect(cfg.AUTH_ROLES_CLAIM).toBe('realm_access.roles');
    const err = configError(() => loadConfig(platformConfigSchema, { AUTH_JWT_SECRET: SECRET, AUTH_ROLES_CLAIM: 'a..b' }));
    expect(err.issues.map((i) => i.variable)).toEqual(['AUTH_ROLES_CLAIM']);
  });

  it('says "is required" for a missing required variable of an app schema', () => {
    const schema = createConfigSchema({ DATACITE_PREFIX: env.string('DataCite DOI prefix').required() });
    expect(configError(() => loadConfig(schema, { AUTH_JWT_SECRET: SECRET })).issues).toEqual([
      { variable: 'DATACITE_PREFIX', message: 'is required' },
    ]);
  });

  it('works with any zod object schema', () => {
    const schema = z.object({ X: z.string() });
    expect(configError(() => loadConfig(schema, {})).issues).toEqual([{ variable: 'X', message: 'is required' }]);
  });
});

describe('loadConfigOrExit', () => {
  it('prints the message without a stack trace and exits non-zero', () => {
    let written = '';
    const exit = jest.fn((code: number): never => {
      throw new Error(`exit ${code}`);
    });
    expect(() =>
      loadConfigOrExit(platformConfigSchema, { LOG_LEVEL: 'loud' }, { write: (t) => (written += t), exit }),
    ).toThrow('exit 78');
    expect(written).toContain('LOG_LEVEL: must be one of');
    expect(written).not.toMatch(/\n\s+at /);
  });
});
