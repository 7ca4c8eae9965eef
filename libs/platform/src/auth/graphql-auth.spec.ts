import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Args, GraphQLModule, Query, Resolver } from '@nestjs/graphql';
import request from 'supertest';
import { DomainError, ErrorCode, Principal, Role } from '@gmdb/domain';
import { CORRELATION_HEADER } from '../context';
import { ErrorsModule, graphQLErrorFormatter } from '../errors';
import { LoggingModule, createLogger } from '../logging';
import { AllowAnonymous, RequireRoles } from './access.decorators';
import { AuthModule } from './auth.module';
import { CurrentPrincipal } from './current-principal.decorator';
import { DevTokenIssuer } from './dev-token.issuer';

const SECRET = 'graphql-test-secret-that-is-long-enough-7';

@Resolver()
class ProbeResolver {
  @AllowAnonymous()
  @Query(() => String)
  whoami(@CurrentPrincipal() p: Principal): string {
    return p.kind === 'user' ? `${p.subject}:${p.roles.join(',')}` : p.kind;
  }

  @RequireRoles(Role.Curator)
  @Query(() => String)
  curated(): string {
    return 'ok';
  }

  @AllowAnonymous()
  @Query(() => String)
  failing(@Args('kind') kind: string): string {
    if (kind === 'validation') throw DomainError.validation([{ path: 'hpo[0]', code: 'INVALID_FORMAT', message: 'bad id' }]);
    if (kind === 'missing') throw new DomainError(ErrorCode.CASE_NOT_FOUND, 'No case with this id');
    throw new Error('database password is hunter2');
  }
}

describe('auth and errors in a GraphQL subgraph', () => {
  let app: INestApplication;
  const issuer = new DevTokenIssuer({ secret: SECRET });

  beforeAll(async () => {
    const logger = createLogger({ name: 'gql-test', level: 'silent' });
    @Module({
      imports: [
        LoggingModule.forRoot({ logger }),
        ErrorsModule,
        AuthModule.forRoot({ jwt: { secret: SECRET } }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          playground: false,
          includeStacktraceInErrorResponses: true,
          formatError: graphQLErrorFormatter(logger),
        }),
      ],
      providers: [ProbeResolver],
    })
    class App {}
    app = await NestFactory.create(App, { logger: false });
    await app.init();
  });
  afterAll(() => app.close());

  const gql = (query: string, token?: string) => {
    const req = request(app.getHttpServer()).post('/graphql').set(CORRELATION_HEADER, 'gql-corr');
    if (token) req.set('authorization', `Bearer ${token}`);
    return req.send({ query });
  };

  it('gives resolvers the principal, anonymous or user', async () => {
    expect((await gql('{ whoami }')).body.data).toEqual({ whoami: 'anonymous' });
    const token = await issuer.issue({ subject: 'dr-x', roles: [Role.Clinician], expiresIn: '5m' });
    expect((await gql('{ whoami }', token)).body.data).toEqual({ whoami: 'dr-x:clinician' });
  });

  it('answers missing credentials and roles with stable codes', async () => {
    const anonymous = await gql('{ curated }');
    expect(anonymous.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', correlationId: 'gql-corr' });
    const token = await issuer.issue({ subject: 'dr-x', roles: [Role.Clinician], expiresIn: '5m' });
    const forbidden = await gql('{ curated }', token);
    expect(forbidden.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const bad = await gql('{ whoami }', 'not-a-token');
    expect(bad.body.errors[0].extensions.code).toBe('TOKEN_INVALID');
  });

  it('carries issues and never leaks stacks or internal messages', async () => {
    const validation = await gql('{ failing(kind: "validation") }');
    expect(validation.body.errors[0]).toMatchObject({
      message: 'The input is not valid',
      extensions: { code: 'VALIDATION_FAILED', issues: [{ path: 'hpo[0]', code: 'INVALID_FORMAT', message: 'bad id' }] },
    });
    const missing = await gql('{ failing(kind: "missing") }');
    expect(missing.body.errors[0].extensions.code).toBe('CASE_NOT_FOUND');
    const bug = await gql('{ failing(kind: "bug") }');
    expect(bug.body.errors[0]).toMatchObject({ message: 'An unexpected error occurred', extensions: { code: 'INTERNAL' } });
    const text = JSON.stringify([validation.body, missing.body, bug.body]);
    expect(text).not.toMatch(/hunter2|stacktrace|\.ts:\d+/);
    const invalidQuery = await gql('{ nope }');
    expect(invalidQuery.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(invalidQuery.body)).not.toContain('stacktrace');
  });
});
