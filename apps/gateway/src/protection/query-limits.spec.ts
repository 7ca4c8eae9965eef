import { Kind, type OperationDefinitionNode, parse } from 'graphql';
import { checkOperation, measureOperation, type QueryLimits } from './query-limits';

const LIMITS: QueryLimits = { maxDepth: 4, maxCost: 500, maxPageSize: 50, defaultPageSize: 20 };

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return measureOperation(document, operation, variables, LIMITS);
}

function codes(query: string, variables: Record<string, unknown> = {}): string[] {
  return checkOperation(measure(query, variables), LIMITS).map((e) => String(e.extensions['code']));
}

describe('query limits', () => {
  it('measures depth through fragments and inline fragments', () => {
    expect(measure('{ a { b { c } } }').depth).toBe(3);
    expect(measure('{ a { ...F } } fragment F on T { b { ... on U { c { d } } } }').depth).toBe(4);
  });

  it('does not loop on a fragment that spreads itself', () => {
    expect(() => measure('{ a { ...F } } fragment F on T { b { ...F } }')).not.toThrow();
  });

  it('multiplies the cost of fields inside lists by the page size asked for', () => {
    expect(measure('{ gallery(first: 10) { edges { node { id name } } } }').cost).toBe(1 + 10 + 10 + 10 + 10);
    expect(measure('query($n: Int) { gallery(first: $n) { id } }', { n: 5 }).cost).toBe(1 + 5);
    expect(measure('{ gallery(after: "x") { id } }').cost).toBe(1 + 20);
  });

  it('accepts a query within every limit', () => {
    expect(codes('{ me { kind } gallery(first: 50) { id } }')).toEqual([]);
  });

  it('refuses too deep, too costly and too large pages with stable codes', () => {
    expect(codes('{ a { b { c { d { e } } } } }')).toEqual(['QUERY_TOO_DEEP']);
    expect(codes('{ x(first: 50) { y(first: 50) { z } } }')).toEqual(['QUERY_TOO_COMPLEX']);
    expect(codes('query($n: Int) { gallery(first: $n) { id } }', { n: 51 })).toEqual(['PAGE_SIZE_TOO_LARGE']);
  });
});
