import { FieldIssue } from '../errors';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Appends a key or an array index to a JSON path: `joinPath('diagnoses', 0)` is `diagnoses[0]`,
 * `joinPath('diagnoses[0]', 'omimId')` is `diagnoses[0].omimId`. Keys that are not plain
 * identifiers are quoted (`meta["odd key"]`) so the path stays unambiguous.
 */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (!IDENTIFIER.test(key)) return `${base}[${JSON.stringify(key)}]`;
  return base === '' ? key : `${base}.${key}`;
}

/**
 * Re-roots issues found by a validator that ran on a sub-value: an issue at `''` becomes `prefix`,
 * one at `[0]` becomes `prefix[0]`, one at `a.b` becomes `prefix.a.b`.
 */
export function prefixIssues(prefix: string, issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.map((i) => ({ ...i, path: prefixPath(prefix, i.path) }));
}

export function prefixPath(prefix: string, path: string): string {
  if (prefix === '') return path;
  if (path === '') return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}
