import { Body, Controller, ForbiddenException, Get, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { z } from 'zod';
import { DomainError, ErrorCode } from '@gmdb/domain';
import { CORRELATION_HEADER } from '../context';
import { LoggingModule, createLogger } from '../logging';
import { ErrorsModule } from './errors.module';
import { ZodValidationPipe } from './zod-validation.pipe';

type Line = Record<string, unknown>;

const bodySchema = z.object({ name: z.string().min(1), tags: z.array(z.string()) }).strict();

@Controller()
class ProbeController {
  @Get('validation')
  validation(): never {
    throw DomainError.validation([{ path: 'diagnoses[0].omim', code: 'INVALID_FORMAT', message: 'must be six digits' }]);
  }
  @Get('missing')
  missing(): never {
    throw new DomainError(ErrorCode.CASE_NOT_FOUND, 'No case with this id');
  }
  @Get('forbidden')
  forbidden(): never {
    throw new ForbiddenException('Not yours');
  }
  @Get('bug')
  bug(): never {
    throw new Error('SELECT * FROM secret_table failed at /srv/app.ts:12');
  }
  @Get('thrown-string')
  thrownString(): never {
    throw 'a string';
  }
  @Post('echo')
  echo(@Body(new ZodValidationPipe(bodySchema)) body: z.output<typeof bodySchema>): unknown {
    return body;
  }
}

describe('GmdbExceptionFilter over HTTP', () => {
  let app: NestExpressApplication;
  const lines: Line[] = [];

  beforeAll(async () => {
    const logger = createLogger({ name: 'test', level: 'debug', destination: { write: (s: string) => void lines.push(JSON.parse(s) as Line) } });
    @Module({ imports: [LoggingModule.forRoot({ logger }), ErrorsModule], controllers: [ProbeController] })
    class App {}
    app = await NestFactory.create<NestExpressApplication>(App, { logger: false, bodyParser: true });
    app.useBodyParser('json', { limit: '1kb' });
    await app.init();
  });
  afterAll(() => app.close());

  it('maps validation errors to 422 with the issues and the correlation id', async () => {
    const res = await request(app.getHttpServer()).get('/validation').set(CORRELATION_HEADER, 'corr-1');
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'The input is not valid',
        issues: [{ path: 'diagnoses[0].omim', code: 'INVALID_FORMAT', message: 'must be six digits' }],
        correlationId: 'corr-1',
      },
    });
  });

  it('maps *_NOT_FOUND codes to 404 and Nest exceptions to stable codes', async () => {
    const missing = await request(app.getHttpServer()).get('/missing');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'CASE_NOT_FOUND', message: 'No case with this id' });
    expect(missing.body.error.correlationId).toBe(missing.headers[CORRELATION_HEADER]);
    const forbidden = await request(app.getHttpServer()).get('/forbidden');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error).toMatchObject({ code: 'FORBIDDEN', message: 'Not yours' });
    const unmatched = await request(app.getHttpServer()).get('/no/such/route');
    expect(unmatched.status).toBe(404);
    expect(unmatched.body.error.code).toBe('NOT_FOUND');
  });

  it('answers unknown errors with 500 INTERNAL, no internals, and logs them with the correlation id', async () => {
    for (const path of ['/bug', '/thrown-string']) {
      const res = await request(app.getHttpServer()).get(path).set(CORRELATION_HEADER, 'corr-bug');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({
        error: { code: 'INTERNAL', message: 'An unexpected error occurred', correlationId: 'corr-bug' },
      });
      expect(res.text).not.toMatch(/secret_table|app\.ts|at /);
    }
    const logged = lines.find((l) => l['msg'] === 'request failed' && (l['err'] as Line | undefined)?.['message']);
    expect(logged).toMatchObject({ level: 'error', correlationId: 'corr-bug', code: 'INTERNAL' });
    expect(String((logged?.['err'] as Line)['stack'])).toContain('secret_table');
  });

  it('maps invalid JSON to 400 INVALID_JSON and a too large body to 413', async () => {
    const bad = await request(app.getHttpServer())
      .post('/echo')
      .set('content-type', 'application/json')
      .send('{"name": ');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'INVALID_JSON', message: 'The request body is not valid JSON' });
    expect(bad.body.error.correlationId).toEqual(expect.any(String));
    const big = await request(app.getHttpServer())
      .post('/echo')
      .send({ name: 'x'.repeat(5000), tags: [] });
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('turns zod problems into field issues with paths and codes', async () => {
    const res = await request(app.getHttpServer())
      .post('/echo')
      .send({ name: '', tags: ['a', 3], extra: true });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'name', code: 'OUT_OF_RANGE' }),
        expect.objectContaining({ path: 'tags[1]', code: 'INVALID_TYPE' }),
        expect.objectContaining({ path: 'extra', code: 'UNKNOWN_FIELD' }),
      ]),
    );
    const ok = await request(app.getHttpServer()).post('/echo').send({ name: 'n', tags: [] });
    expect(ok.status).toBe(201);
  });
});
