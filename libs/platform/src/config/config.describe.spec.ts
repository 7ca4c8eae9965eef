import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { z } from 'zod';
import { configMarkdownTable, describeConfig } from './config.describe';
import { ConfigError } from './config.error';
import { MASK, effectiveConfig, formatEffectiveConfig } from './config.effective';
import { env } from './config.fields';
import { APP_CONFIG, ConfigModule, InjectConfig } from './config.module';
import { PlatformConfig, createConfigSchema, platformConfigSchema } from './platform-config.schema';

describe('describeConfig', () => {
  it('lists every platform variable with its default, description and secrecy', () => {
    const rows = describeConfig(platformConfigSchema);
    expect(rows.map((r) => r.variable)).toEqual([
      'GMDB_MODE',
      'NODE_ENV',
      'LOG_LEVEL',
      'GMDB_DATA_DIR',
      'REDIS_URL',
      'S3_ENDPOINT',
      'S3_REGION',
      'S3_BUCKET',
      'S3_ACCESS_KEY_ID',
      'S3_SECRET_ACCESS_KEY',
      'S3_FORCE_PATH_STYLE',
      'AUTH_JWT_SECRET',
      'AUTH_JWKS_URL',
      'AUTH_JWT_ISSUER',
      'AUTH_JWT_AUDIENCE',
      'AUTH_ROLES_CLAIM',
      'AUTH_INSTITUTION_CLAIM',
    ]);
    const by = Object.fromEntries(rows.map((r) => [r.variable, r]));
    expect(by['GMDB_MODE']).toMatchObject({ default: 'standalone', required: false, secret: false });
    expect(by['S3_FORCE_PATH_STYLE']).toMatchObject({ default: 'true' });
    expect(by['S3_SECRET_ACCESS_KEY']).toMatchObject({ secret: true, required: false });
    expect(by['S3_SECRET_ACCESS_KEY'].default).toBeUndefined();
    expect(by['AUTH_ROLES_CLAIM'].description).toContain('realm_access.roles');
    for (const row of rows) expect(row.description).not.toBe('');
  });

  it('describes app variables, including plain zod ones', () => {
    const schema = createConfigSchema({
      PORT: env.int('HTTP port').default(3000),
      DATACITE_PREFIX: env.string('DataCite prefix').required(),
      PLAIN: z.string().default('x').describe('a plain zod field'),
    });
    const rows = describeConfig(schema);
    expect(rows.find((r) => r.variable === 'PORT')).toEqual({
      variable: 'PORT',
      description: 'HTTP port',
      default: '3000',
      required: false,
      secret: false,
    });
    expect(rows.find((r) => r.variable === 'DATACITE_PREFIX')).toMatchObject({ required: true });
    expect(rows.find((r) => r.variable === 'PLAIN')).toMatchObject({ default: 'x', description: 'a plain zod field' });
  });

  it('renders a Markdown table', () => {
    const table = configMarkdownTable(platformConfigSchema);
    expect(table.split('\n')[0]).toBe('| variable | default | description |');
    expect(table).toContain('| `REDIS_URL` | `redis://127.0.0.1:6379` |');
  });
});

describe('ConfigModule', () => {
  @Controller()
  class Probe {
    constructor(@InjectConfig() readonly config: PlatformConfig) {}
    @Get()
    get(): string {
      return this.config.GMDB_MODE;
    }
  }

  it('validates the environment at boot and provides the typed config', async () => {
    const env = { AUTH_JWT_SECRET: 'k'.repeat(32), GMDB_MODE: 'distributed' };
    @Module({ imports: [ConfigModule.forRoot(platformConfigSchema, env)], controllers: [Probe] })
    class App {}
    const ctx = await NestFactory.createApplicationContext(App, { logger: false });
    expect(ctx.get(Probe).get()).toBe('distributed');
    expect(Object.isFrozen(ctx.get(APP_CONFIG))).toBe(true);
    await ctx.close();
  });

  it('accepts an already loaded config object', async () => {
    @Module({ imports: [ConfigModule.forRoot({ GMDB_MODE: 'standalone' })] })
    class App {}
    const ctx = await NestFactory.createApplicationContext(App, { logger: false });
    expect(ctx.get(APP_CONFIG)).toEqual({ GMDB_MODE: 'standalone' });
    await ctx.close();
  });

  it('throws a ConfigError while the module is declared when the environment is bad', () => {
    expect(() => ConfigModule.forRoot(platformConfigSchema, { LOG_LEVEL: 'loud' })).toThrow(ConfigError);
  });
});

describe('effectiveConfig', () => {
  it('lists effective values with secrets masked and marks defaults', () => {
    const secret = 'z'.repeat(40);
    const rows = effectiveConfig(platformConfigSchema, { AUTH_JWT_SECRET: secret, LOG_LEVEL: 'debug', S3_SECRET_ACCESS_KEY: 'aws-secret' });
    const by = Object.fromEntries(rows.map((r) => [r.variable, r]));
    expect(by['AUTH_JWT_SECRET']).toEqual({ variable: 'AUTH_JWT_SECRET', value: MASK, source: 'environment', secret: true });
    expect(by['S3_SECRET_ACCESS_KEY'].value).toBe(MASK);
    expect(by['LOG_LEVEL']).toMatchObject({ value: 'debug', source: 'environment' });
    expect(by['GMDB_MODE']).toMatchObject({ value: 'standalone', source: 'default' });
    expect(by['S3_FORCE_PATH_STYLE']).toMatchObject({ value: 'true', source: 'default' });
    expect(by['S3_ENDPOINT']).toEqual({ variable: 'S3_ENDPOINT', source: 'unset', secret: false });
    const printed = formatEffectiveConfig(rows);
    expect(printed).not.toContain(secret);
    expect(printed).not.toContain('aws-secret');
    expect(printed).toMatch(/GMDB_MODE\s+= standalone {2}# default/);
  });

  it('throws a ConfigError naming the variable for a bad environment', () => {
    expect(() => effectiveConfig(platformConfigSchema, { AUTH_JWT_SECRET: 'x'.repeat(40), GMDB_MODE: 'nope' })).toThrow(/GMDB_MODE/);
  });
});
