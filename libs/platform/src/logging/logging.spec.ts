import express from 'express';
import request from 'supertest';
import { CORRELATION_HEADER, RequestContext } from '../context';
import { accessLogMiddleware } from './access-log.middleware';
import { correlationIdMiddleware } from './correlation-id.middleware';
import { isValidCorrelationId } from './correlation-id';
import { createLogger } from './logger.factory';
import { PinoNestLogger } from './nest-logger.adapter';

type Line = Record<string, unknown>;

function memoryLogger(level = 'trace') {
  const lines: Line[] = [];
  const logger = createLogger({
    name: 'test',
    level,
    destination: { write: (s: string) => void lines.push(JSON.parse(s) as Line) },
  });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes JSON lines with level names, the name and the correlation id of the context', () => {
    const { logger, lines } = memoryLogger();
    logger.info('outside');
    RequestContext.run({ correlationId: 'abc-123' }, () => logger.warn({ caseId: 'c1' }, 'inside'));
    expect(lines[0]).toMatchObject({ level: 'info', name: 'test', msg: 'outside' });
    expect(lines[0]).not.toHaveProperty('correlationId');
    expect(lines[1]).toMatchObject({ level: 'warn', msg: 'inside', caseId: 'c1', correlationId: 'abc-123' });
    expect(typeof lines[1]['time']).toBe('string');
  });

  it('redacts authorization headers, api keys and secrets', () => {
    const { logger, lines } = memoryLogger();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer eyJ.x.y', 'x-api-key': 'gmdb_ik_1', accept: 'json' } },
        headers: { authorization: 'ApiKey k' },
        apiKey: 'gmdb_rt_2',
        config: { secret: 's3cr3t', password: 'pw' },
      },
      'with secrets',
    );
    const text = JSON.stringify(lines[0]);
    for (const secret of ['eyJ.x.y', 'gmdb_ik_1', 'ApiKey k', 'gmdb_rt_2', 's3cr3t', '"pw"']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('"accept":"json"');
  });

  it('respects the level', () => {
    const { logger, lines } = memoryLogger('warn');
    logger.info('dropped');
    logger.error('kept');
    expect(lines.map((l) => l['msg'])).toEqual(['kept']);
  });
});

describe('PinoNestLogger', () => {
  it('maps Nest calling conventions to JSON fields', () => {
    const { logger, lines } = memoryLogger();
    const nest = new PinoNestLogger(logger);
    nest.log('Mapped {/cases, GET} route', 'RouterExplorer');
    nest.error('boom', 'Error: boom\n    at x (y.ts:1:1)', 'ExceptionsHandler');
    nest.error(new Error('failed'));
    nest.verbose({ some: 'object' });
    nest.warn('careful');
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'Mapped {/cases, GET} route', context: 'RouterExplorer' });
    expect(lines[1]).toMatchObject({ level: 'error', msg: 'boom', context: 'ExceptionsHandler' });
    expect(lines[1]['stack']).toContain('at x');
    expect(lines[2]).toMatchObject({ level: 'error', msg: 'failed', err: { message: 'failed', type: 'Error' } });
    expect(lines[3]).toMatchObject({ level: 'trace', data: { some: 'object' } });
    expect(lines[4]).toMatchObject({ level: 'warn', msg: 'careful' });
  });
});

describe('correlation id and access log middleware', () => {
  function app() {
    const { logger, lines } = memoryLogger();
    const a = express();
    a.use(correlationIdMiddleware(), accessLogMiddleware(logger));
    a.use(correlationIdMiddleware(), accessLogMiddleware(logger)); // idempotent
    a.get('/cases/:id', (_req, res) => {
      setTimeout(() => {
        logger.info('handler');
        res.json({ correlationId: RequestContext.correlationId() });
      }, 1);
    });
    return { a, lines };
  }

  it('keeps a valid caller id, echoes it and carries it into async work', async () => {
    const { a, lines } = app();
    const res = await request(a).get('/cases/123?token=secret-token').set(CORRELATION_HEADER, 'gw.req-42_A');
    expect(res.headers[CORRELATION_HEADER]).toBe('gw.req-42_A');
    expect(res.body).toEqual({ correlationId: 'gw.req-42_A' });
    expect(lines.find((l) => l['msg'] === 'handler')).toMatchObject({ correlationId: 'gw.req-42_A' });
    const access = lines.filter((l) => l['msg'] === 'http request');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({
      correlationId: 'gw.req-42_A',
      http: { method: 'GET', route: '/cases/:id', status: 200 },
    });
    expect(typeof (access[0]['http'] as Line)['durationMs']).toBe('number');
    expect(JSON.stringify(access[0])).not.toContain('secret-token');
    expect(JSON.stringify(access[0])).not.toContain('123');
  });

  it('replaces an invalid caller id with a new one', async () => {
    const { a } = app();
    for (const bad of ['has space', 'x'.repeat(129), 'semi;colon', '']) {
      const res = await request(a).get('/cases/1').set(CORRELATION_HEADER, bad);
      expect(res.headers[CORRELATION_HEADER]).not.toBe(bad);
      expect(isValidCorrelationId(res.headers[CORRELATION_HEADER])).toBe(true);
    }
  });

  it('generates an id when none is given and logs unmatched routes without their path', async () => {
    const { a, lines } = app();
    const res = await request(a).get('/nothing/here/42');
    expect(res.status).toBe(404);
    expect(isValidCorrelationId(res.headers[CORRELATION_HEADER])).toBe(true);
    expect(lines.find((l) => l['msg'] === 'http request')).toMatchObject({
      correlationId: res.headers[CORRELATION_HEADER],
      http: { route: 'unmatched', status: 404 },
    });
  });
});
