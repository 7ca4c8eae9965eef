import { Controller, Get, INestApplication, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { AuthModule } from '../auth/auth.module';
import { Public } from '../auth/access.decorators';
import { MetricsModule } from './metrics.module';

@Public()
@Controller('api/v1/cases')
class CasesController {
  @Get(':id')
  get(@Param('id') id: string): { id: string } {
    return { id };
  }
}

describe('MetricsModule', () => {
  let app: INestApplication;

  beforeAll(async () => {
    @Module({
      imports: [AuthModule.forRoot({ jwt: { secret: 'metrics-test-secret-that-is-long-enough' } }), MetricsModule.forRoot()],
      controllers: [CasesController],
    })
    class App {}
    app = await NestFactory.create(App, { logger: false });
    await app.init();
  });
  afterAll(() => app.close());

  it('exposes Prometheus text with process metrics and the HTTP histogram by route template', async () => {
    await request(app.getHttpServer()).get('/api/v1/cases/case-123').expect(200);
    await request(app.getHttpServer()).get('/api/v1/cases/case-456').expect(200);
    await request(app.getHttpServer()).get('/no/such/thing').expect(404);
    const res = await request(app.getHttpServer()).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toContain('gmdb_process_cpu_user_seconds_total');
    expect(res.text).toContain('# TYPE gmdb_http_request_duration_seconds histogram');
    expect(res.text).toMatch(/gmdb_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/cases\/:id",status_code="200"\} 2/);
    expect(res.text).toMatch(/gmdb_http_request_duration_seconds_count\{method="GET",route="unmatched",status_code="404"\} 1/);
    expect(res.text).not.toContain('case-123');
  });
});
