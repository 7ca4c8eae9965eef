import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode } from '@gmdb/domain';
import { RequestContext } from '../context';
import { codeForHttpStatus, httpStatusForCode } from './error-status.table';
import { toEdgeError } from './edge-error';
import { formatGraphQLError } from './graphql-error.formatter';
import { parseWith } from './zod-validation.pipe';
import { validateWith } from './validate-with.pipe';
import { z } from 'zod';

function located(original: unknown): GraphQLError {
  return new GraphQLError('raw message', { path: ['case'], originalError: original instanceof Error ? original : undefined });
}

describe('error status table', () => {
  it('maps codes to statuses and falls back by name', () => {
    expect(httpStatusForCode(ErrorCode.UNAUTHENTICATED)).toBe(401);
    expect(httpStatusForCode(ErrorCode.TOKEN_EXPIRED)).toBe(401);
    expect(httpStatusForCode(ErrorCode.API_KEY_REVOKED)).toBe(401);
    expect(httpStatusForCode(ErrorCode.INSUFFICIENT_SCOPE)).toBe(403);
    expect(httpStatusForCode(ErrorCode.CONFLICT)).toBe(409);
    expect(httpStatusForCode(ErrorCode.PAYLOAD_TOO_LARGE)).toBe(413);
    expect(httpStatusForCode(ErrorCode.UNSUPPORTED_MEDIA_TYPE)).toBe(415);
    expect(httpStatusForCode(ErrorCode.RATE_LIMITED)).toBe(429);
    expect(httpStatusForCode(ErrorCode.VALIDATION_FAILED)).toBe(422);
    expect(httpStatusForCode(ErrorCode.INVALID_JSON)).toBe(400);
    expect(httpStatusForCode('SOMETHING_NOT_FOUND')).toBe(404);
    expect(httpStatusForCode('SOMETHING_NEW')).toBe(400);
    for (const code of Object.values(ErrorCode)) expect(httpStatusForCode(code)).toBeGreaterThanOrEqual(400);
    expect(codeForHttpStatus(405)).toBe(ErrorCode.BAD_REQUEST);
    expect(codeForHttpStatus(502)).toBe(ErrorCode.INTERNAL);
  });

  it('maps body-parser errors without Nest in between', () => {
    expect(toEdgeError({ type: 'entity.too.large', status: 413, expose: true })).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(toEdgeError({ type: 'charset.unsupported', status: 415 })).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(toEdgeError({ type: 'entity.parse.failed', status: 400 })).toMatchObject({ status: 400, code: 'INVALID_JSON' });
  });
});

describe('formatGraphQLError', () => {
  it('gives domain errors their code and issues, with the correlation id', () => {
    const error = located(DomainError.validation([{ path: 'hpo[0]', code: 'INVALID_FORMAT', message: 'bad' }]));
    const out = RequestContext.run({ correlationId: 'gql-1' }, () =>
      formatGraphQLError({ message: 'raw message', path: ['case'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, error),
    );
    expect(out).toEqual({
      message: 'The input is not valid',
      path: ['case'],
      extensions: {
        code: 'VALIDATION_FAILED',
        issues: [{ path: 'hpo[0]', code: 'INVALID_FORMAT', message: 'bad' }],
        correlationId: 'gql-1',
      },
    });
  });

  it('hides unknown errors and strips stack traces', () => {
    const error = located(new Error('connect ECONNREFUSED 10.0.0.3:3306'));
    const out = formatGraphQLError(
      { message: 'connect ECONNREFUSED 10.0.0.3:3306', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: x', 'at y'] } },
      error,
    );
    expect(out.message).toBe('An unexpected error occurred');
    expect(out.extensions).toEqual({ code: 'INTERNAL' });
    const bare = formatGraphQLError({ message: 'leak', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at y'] } }, new GraphQLError('leak'));
    expect(bare).toEqual({ message: 'An unexpected error occurred', extensions: { code: 'INTERNAL' } });
  });

  it('keeps GraphQL validation errors and codes set by the filter or a subgraph', () => {
    const gql = formatGraphQLError(
      { message: 'Cannot query field "x" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['at z'] } },
      new GraphQLError('Cannot query field "x" on type "Query".'),
    );
    expect(gql).toEqual({ message: 'Cannot query field "x" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const filtered = new GraphQLError('No case', { extensions: { code: 'CASE_NOT_FOUND', correlationId: 'c9' } });
    expect(formatGraphQLError({ message: 'No case', extensions: { code: 'CASE_NOT_FOUND', correlationId: 'c9' } }, located(filtered))).toEqual({
      message: 'No case',
      extensions: { code: 'CASE_NOT_FOUND', correlationId: 'c9' },
    });
  });
});

describe('formatGraphQLError at the gateway', () => {
  it('keeps the code of a subgraph error, whose originalError is a plain formatted error', () => {
    const fromSubgraph = { message: 'The token is not valid', extensions: { code: 'TOKEN_INVALID' } };
    const error = new GraphQLError(fromSubgraph.message, {
      originalError: fromSubgraph as unknown as Error,
      extensions: { code: 'TOKEN_INVALID', serviceName: 'case' },
    });
    const out = formatGraphQLError({ message: error.message, extensions: error.extensions }, error);
    expect(out.message).toBe('The token is not valid');
    expect(out.extensions?.['code']).toBe('TOKEN_INVALID');
  });
});

describe('validation pipes', () => {
  it('parseWith reports missing fields as REQUIRED with nested paths', () => {
    const schema = z.object({ patient: z.object({ sex: z.enum(['female', 'male']), 'odd key': z.number() }) });
    try {
      parseWith(schema, { patient: { sex: 'x' } });
      throw new Error('expected a DomainError');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).details?.issues).toEqual([
        { path: 'patient.sex', code: 'UNKNOWN_VALUE', message: expect.any(String) },
        { path: 'patient["odd key"]', code: 'REQUIRED', message: 'is required' },
      ]);
    }
  });

  it('validateWith passes the normalised value or throws with the validator issues', () => {
    const pipe = validateWith((v: unknown) =>
      typeof v === 'string' ? { ok: true as const, value: v.trim() } : { ok: false as const, issues: [{ path: '', code: 'INVALID_TYPE', message: 'must be a string' }] },
    );
    expect(pipe.transform(' a ', { type: 'body' })).toBe('a');
    expect(() => pipe.transform(1, { type: 'body' })).toThrow(DomainError);
  });
});
