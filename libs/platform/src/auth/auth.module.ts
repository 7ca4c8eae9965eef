import { DynamicModule, Module, Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ApiKeyStrategy } from './api-key.strategy';
import { GmdbAuthGuard } from './gmdb-auth.guard';
import { JwtAuthConfig, JwtVerifier, JwtVerifierOptions, jwtOptionsFromConfig } from './jwt-verifier';
import { JwtBearerStrategy } from './jwt-bearer.strategy';
import { OpaqueCredentialService } from './opaque-credential.service';
import { ResearcherTokenStrategy } from './researcher-token.strategy';

export interface AuthModuleOptions {
  /** How user JWTs are verified (or a ready verifier; tests pass one). */
  jwt: JwtVerifierOptions | JwtVerifier;
  /**
   * The service owns institution API keys and researcher tokens (case-service): accept them,
   * verified against `OpaqueCredentialEntity` in its database (the TypeORM data source, named
   * by `dataSourceName` when the app has several). Other services answer such credentials 401.
   */
  opaqueCredentials?: boolean | { dataSourceName?: string };
  /** Install `GmdbAuthGuard` as a global guard (default true). */
  globalGuard?: boolean;
}

/**
 * Authentication for one app: every route and resolver requires a valid caller unless marked
 * `@Public()` or `@AllowAnonymous()`; `@RequireRoles` / `@RequireScopes` narrow it further.
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    const verifier = options.jwt instanceof JwtVerifier ? options.jwt : new JwtVerifier(options.jwt);
    const providers: Provider[] = [{ provide: JwtVerifier, useValue: verifier }, JwtBearerStrategy, GmdbAuthGuard];
    const exports: Array<Provider | string | symbol | (abstract new (...args: never[]) => unknown)> = [JwtVerifier, GmdbAuthGuard];
    if (options.opaqueCredentials) {
      const name = typeof options.opaqueCredentials === 'object' ? options.opaqueCredentials.dataSourceName : undefined;
      providers.push(
        {
          provide: OpaqueCredentialService,
          useFactory: (dataSource: DataSource) => new OpaqueCredentialService(dataSource),
          inject: [getDataSourceToken(name)],
        },
        ApiKeyStrategy,
        ResearcherTokenStrategy,
      );
      exports.push(OpaqueCredentialService);
    }
    if (options.globalGuard ?? true) providers.push({ provide: APP_GUARD, useExisting: GmdbAuthGuard });
    return { module: AuthModule, global: true, providers, exports };
  }

  /** `AuthModule.forRoot` from the validated platform config. */
  static fromConfig(config: JwtAuthConfig, options: Omit<AuthModuleOptions, 'jwt'> = {}): DynamicModule {
    return AuthModule.forRoot({ ...options, jwt: jwtOptionsFromConfig(config) });
  }
}
