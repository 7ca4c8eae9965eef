import { DynamicModule, Inject, Module } from '@nestjs/common';
import { z } from 'zod';
import { Env, loadConfig } from './config.loader';

/** Injection token of the validated, typed, frozen configuration object. */
export const APP_CONFIG = 'GMDB_APP_CONFIG';

/** `constructor(@InjectConfig() private readonly config: AppConfig)` */
export const InjectConfig = (): ParameterDecorator => Inject(APP_CONFIG);

function isSchema(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && '_zod' in value && 'safeParse' in value;
}

/**
 * Provides the app's configuration globally under `APP_CONFIG`. Given a schema, it validates
 * `process.env` (or `env`) right here, at boot; given an already loaded config, it provides that.
 */
@Module({})
export class ConfigModule {
  static forRoot<S extends z.ZodType>(schema: S, env?: Env): DynamicModule;
  static forRoot<T extends object>(config: T): DynamicModule;
  static forRoot(schemaOrConfig: z.ZodType | object, env?: Env): DynamicModule {
    const config = isSchema(schemaOrConfig) ? loadConfig(schemaOrConfig, env) : schemaOrConfig;
    return {
      module: ConfigModule,
      global: true,
      providers: [{ provide: APP_CONFIG, useValue: Object.freeze({ ...(config as object) }) }],
      exports: [APP_CONFIG],
    };
  }
}
