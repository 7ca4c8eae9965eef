import { INestApplication, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { AuthModule } from '../auth/auth.module';
import { healthCheck } from './health-check';
import { HealthModule } from './health.module';
import { ReadinessCheck } from './readiness-check.decorator';
import { ShutdownState } from './shutdown-state.service';

const SECRET = 'health-test-secret-that-is-long-enough-1';

async function appWith(health: Parameters<typeof HealthModule.forRoot>[0]): Promise<INestApplication> {
  @Module({ imports: [AuthModule.forRoot({ jwt: { secret: SECRET } }), HealthModule.forRoot(health)] })
  class App {}
  const app = await NestFactory.create(App, { logger: false });
  await app.init();
  return app;
}

describe('HealthModule', () => {
  it("adds the app's providers marked @ReadinessCheck() to readiness, beside its own checks", async () => {
    @Injectable()
    class Warmup {
      ready = false;
    }
    @Injectable()
    @ReadinessCheck()
    class ModelsCheck {
      readonly name = 'models';
      constructor(private readonly warmup: Warmup) {}
      async check(): Promise<void> {
        if (!this.warmup.ready) throw new Error('models are loading');
      }
    }
    @Module({ imports: [AuthModule.forRoot({ jwt: { secret: SECRET } }), HealthModule.forRoot({ checks: [healthCheck('database', async () => 'up')] })], providers: [Warmup, ModelsCheck] })
    class App {}
    const app = await NestFactory.create(App, { logger: false });
    await app.init();
    const loading = await request(app.getHttpServer()).get('/health/ready');
    expect([loading.status, loading.body.down]).toEqual([503, ['models']]);
    app.get(Warmup).ready = true;
    const ready = await request(app.getHttpServer()).get('/health/ready');
    expect(ready.status).toBe(200);
    expect(Object.keys(ready.body.checks)).toEqual(['database', 'models']);
    await app.close();
  });

  it('refuses to start with a @ReadinessCheck() provider that is no check, or a second check of the same name', async () => {
    @Injectable()
    @ReadinessCheck()
    class NotACheck {}
    @Module({ imports: [AuthModule.forRoot({ jwt: { secret: SECRET } }), HealthModule.forRoot({ checks: [] })], providers: [NotACheck] })
    class Broken {}
    const broken = await NestFactory.create(Broken, { logger: false, abortOnError: false });
    await expect(broken.init()).rejects.toThrow('NotACheck is marked @ReadinessCheck() but has no name and check()');
    await broken.close();

    @Injectable()
    @ReadinessCheck()
    class DatabaseAgain {
      readonly name = 'database';
      async check(): Promise<string> {
        return 'up';
      }
    }
    @Module({ imports: [AuthModule.forRoot({ jwt: { secret: SECRET } }), HealthModule.forRoot({ checks: [healthCheck('database', async () => 'up')] })], providers: [DatabaseAgain] })
    class Twice {}
    const twice = await NestFactory.create(Twice, { logger: false, abortOnError: false });
    await expect(twice.init()).rejects.toThrow('two readiness checks are named database');
    await twice.close();
  });

  it('answers liveness without credentials and readiness 200 when every check is up', async () => {
    const app = await appWith({
      checks: [healthCheck('database', async () => ({ status: 'up', latencyMs: 1 })), healthCheck('redis', async () => 'PONG')],
    });
    const live = await request(app.getHttpServer()).get('/health/live');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
    const ready = await request(app.getHttpServer()).get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: 'ok',
      checks: { database: { status: 'up', latencyMs: expect.any(Number) }, redis: { status: 'up', latencyMs: expect.any(Number) } },
    });
    await app.close();
  });

  it('answers 503 naming the checks that are down, failed or too slow', async () => {
    const app = await appWith({
      checks: [
        healthCheck('database', async () => ({ status: 'down', latencyMs: 3, error: 'SELECT 1 failed' })),
        healthCheck('redis', () => Promise.reject(new Error('ECONNREFUSED 10.1.2.3:6379'))),
        healthCheck('s3', () => new Promise(() => undefined), 50),
        healthCheck('fine', async () => undefined),
      ],
    });
    const ready = await request(app.getHttpServer()).get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe('unavailable');
    expect(ready.body.down).toEqual(['database', 'redis', 's3']);
    expect(ready.body.checks.fine.status).toBe('up');
    expect(JSON.stringify(ready.body)).not.toContain('10.1.2.3');
    await app.close();
  });

  it('shows the reasons with exposeErrors, and takes the checks from a provider token', async () => {
    const CHECKS = 'CHECKS';
    @Module({ providers: [{ provide: CHECKS, useValue: [healthCheck('redis', () => Promise.reject(new Error('no route')))] }], exports: [CHECKS] })
    class Checks {}
    @Module({ imports: [HealthModule.forRoot({ checks: CHECKS, imports: [Checks], exposeErrors: true })] })
    class App {}
    const app = await NestFactory.create(App, { logger: false });
    await app.init();
    const ready = await request(app.getHttpServer()).get('/health/ready');
    expect(ready.body.checks.redis).toMatchObject({ status: 'down', error: 'no route' });
    await app.close();
  });

  it('is not ready once shutdown begins, while liveness still answers', async () => {
    const app = await appWith({ checks: [] });
    expect((await request(app.getHttpServer()).get('/health/ready')).status).toBe(200);
    app.get(ShutdownState).begin();
    const ready = await request(app.getHttpServer()).get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'shutting-down', checks: {} });
    expect((await request(app.getHttpServer()).get('/health/live')).status).toBe(200);
    await app.close();
  });
});
