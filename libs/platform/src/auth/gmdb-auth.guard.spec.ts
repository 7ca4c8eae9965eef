import { Controller, ExecutionContext, Get, Global, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Principal, Role } from '@gmdb/domain';
import { ErrorsModule } from '../errors';
import { AllowAnonymous, Public, RequireRoles, RequireScopes } from './access.decorators';
import { AuthModule } from './auth.module';
import { CurrentPrincipal } from './current-principal.decorator';
import { DevTokenIssuer } from './dev-token.issuer';
import { credentialDataSource } from './opaque-credential.fixture';
import { OpaqueCredentialService } from './opaque-credential.service';

const SECRET = 'guard-test-secret-that-is-long-enough-42';

@Controller()
class ProbeController {
  @Public()
  @Get('public')
  open(@CurrentPrincipal() p: Principal): Principal {
    return p;
  }
  @AllowAnonymous()
  @Get('maybe')
  maybe(@CurrentPrincipal() p: Principal): Principal {
    return p;
  }
  @Get('me')
  me(@CurrentPrincipal() p: Principal): Principal {
    return p;
  }
  @RequireRoles(Role.Curator, Role.Admin)
  @Get('curate')
  curate(): string {
    return 'ok';
  }
  @RequireScopes('cases:write')
  @Get('ingest')
  ingest(@CurrentPrincipal() p: Principal): Principal {
    return p;
  }
  @RequireRoles(Role.Clinician)
  @RequireScopes('cases:write')
  @Get('either')
  either(): string {
    return 'ok';
  }
}

@Module({ controllers: [ProbeController] })
class JwtOnlyProbe {}

describe('GmdbAuthGuard through a Nest app', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let credentials: OpaqueCredentialService;
  const issuer = new DevTokenIssuer({ secret: SECRET });
  const token = (roles: Role[]) => issuer.issue({ subject: 'u-1', roles, expiresIn: '5m' });

  beforeAll(async () => {
    dataSource = await credentialDataSource();
    @Global()
    @Module({ providers: [{ provide: getDataSourceToken(), useValue: dataSource }], exports: [getDataSourceToken()] })
    class FakeDatabaseModule {}
    @Module({
      imports: [FakeDatabaseModule, ErrorsModule, AuthModule.forRoot({ jwt: { secret: SECRET }, opaqueCredentials: true })],
      controllers: [ProbeController],
    })
    class AppWithDataSource {}
    app = await NestFactory.create(AppWithDataSource, { logger: false });
    await app.init();
    credentials = app.get(OpaqueCredentialService);
  });
  afterAll(async () => {
    await app.close();
    await dataSource.destroy();
  });

  const http = () => request(app.getHttpServer());

  it('lets anyone use @Public routes, as the anonymous principal', async () => {
    const res = await http().get('/public').set('authorization', 'Bearer garbage');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ kind: 'anonymous' });
  });

  it('requires credentials elsewhere, and @AllowAnonymous admits callers without any', async () => {
    const none = await http().get('/me');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('UNAUTHENTICATED');
    expect(none.headers['www-authenticate']).toContain('Bearer');
    expect((await http().get('/maybe')).body).toEqual({ kind: 'anonymous' });
    const bad = await http().get('/maybe').set('authorization', 'Bearer not-a-jwt');
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('TOKEN_INVALID');
    const basic = await http().get('/me').set('authorization', 'Basic dXNlcjpwdw==');
    expect(basic.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('authenticates JWT users and checks roles', async () => {
    const me = await http().get('/me').set('authorization', `Bearer ${await token([Role.Registered])}`);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ kind: 'user', subject: 'u-1', roles: ['registered'] });
    const denied = await http().get('/curate').set('authorization', `Bearer ${await token([Role.Registered])}`);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
    expect((await http().get('/curate').set('authorization', `Bearer ${await token([Role.Admin])}`)).status).toBe(200);
    const expired = await issuer.issue({ subject: 'u-1', roles: [Role.Admin], expiresIn: -120 });
    const res = await http().get('/curate').set('authorization', `Bearer ${expired}`);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('TOKEN_EXPIRED');
  });

  it('accepts a valid institution API key in either header and checks scopes', async () => {
    const { token: key, credential } = await credentials.create({ kind: 'institution-api-key', ownerId: 'inst-9', scopes: ['cases:write'] });
    const viaAuthorization = await http().get('/ingest').set('authorization', `ApiKey ${key}`);
    expect(viaAuthorization.status).toBe(200);
    expect(viaAuthorization.body).toEqual({ kind: 'institution', institutionId: 'inst-9', keyId: credential.id, scopes: ['cases:write'] });
    expect((await http().get('/ingest').set('x-api-key', key)).status).toBe(200);
    expect((await http().get('/either').set('x-api-key', key)).status).toBe(200);
    const noRole = await http().get('/curate').set('x-api-key', key);
    expect(noRole.status).toBe(403);
    const readOnly = await credentials.create({ kind: 'institution-api-key', ownerId: 'inst-9', scopes: ['cases:read'] });
    const scope = await http().get('/ingest').set('x-api-key', readOnly.token);
    expect(scope.status).toBe(403);
    expect(scope.body.error.code).toBe('INSUFFICIENT_SCOPE');
    const user = await http().get('/ingest').set('authorization', `Bearer ${await token([Role.Admin])}`);
    expect(user.status).toBe(403);
    expect((await http().get('/either').set('authorization', `Bearer ${await token([Role.Clinician])}`)).status).toBe(200);
  });

  it('refuses expired, revoked and unknown API keys with distinct codes', async () => {
    const expired = await credentials.create({
      kind: 'institution-api-key',
      ownerId: 'inst-9',
      scopes: ['cases:write'],
      expiresAt: new Date(Date.now() - 1000),
    });
    const res = await http().get('/ingest').set('x-api-key', expired.token);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('API_KEY_EXPIRED');
    const revoked = await credentials.create({ kind: 'institution-api-key', ownerId: 'inst-9', scopes: ['cases:write'] });
    await credentials.revoke(revoked.credential.id);
    const r = await http().get('/ingest').set('authorization', `ApiKey ${revoked.token}`);
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('API_KEY_REVOKED');
    const unknown = await http().get('/ingest').set('x-api-key', 'gmdb_ak_nope');
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('API_KEY_INVALID');
    expect(JSON.stringify(unknown.body)).not.toContain('gmdb_ak_nope');
  });

  it('accepts researcher bearer tokens by their prefix', async () => {
    const rt = await credentials.create({ kind: 'researcher-token', ownerId: 'orcid-1', scopes: ['releases:read'], releaseIds: ['r-2026'] });
    const res = await http().get('/me').set('authorization', `Bearer ${rt.token}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'researcher-token', subject: 'orcid-1', releaseIds: ['r-2026'] });
  });
});

describe('AuthModule without opaque credentials', () => {
  it('answers API keys with 401 API_KEY_INVALID', async () => {
    @Module({ imports: [ErrorsModule, AuthModule.forRoot({ jwt: { secret: SECRET } }), JwtOnlyProbe] })
    class App {}
    const app = await NestFactory.create(App, { logger: false });
    await app.init();
    const res = await request(app.getHttpServer()).get('/me').set('x-api-key', 'gmdb_ak_x');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('API_KEY_INVALID');
    await app.close();
  });
});

describe('@CurrentPrincipal in a GraphQL resolver context', () => {
  function factoryOf(): (data: unknown, ctx: ExecutionContext) => Principal {
    class Resolver {
      field(@CurrentPrincipal() p: Principal): Principal {
        return p;
      }
    }
    const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, Resolver, 'field') as Record<string, { factory: (d: unknown, c: ExecutionContext) => Principal }>;
    return Object.values(args)[0].factory;
  }

  it('reads the principal from the GraphQL context request', () => {
    const principal: Principal = { kind: 'user', subject: 's', roles: [Role.Curator] };
    const ctx = new ExecutionContextHost([{}, {}, { req: { user: principal } }, {}]);
    ctx.setType('graphql');
    expect(factoryOf()(undefined, ctx)).toEqual(principal);
    const anonymous = new ExecutionContextHost([{}, {}, { req: {} }, {}]);
    anonymous.setType('graphql');
    expect(factoryOf()(undefined, anonymous)).toEqual({ kind: 'anonymous' });
  });
});
