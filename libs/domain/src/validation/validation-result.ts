import { DomainError, FieldIssue } from '../errors';
import { IssueCode } from './issue-code';

/** The outcome of validating untrusted input: a normalised value, or every problem found. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

export function valid<T>(value: T): ValidationResult<T> {
  return { ok: true, value };
}

export function invalid<T = never>(issues: FieldIssue[]): ValidationResult<T> {
  return { ok: false, issues };
}

/** Builds one issue. */
export function issue(path: string, code: IssueCode | string, message: string): FieldIssue {
  return { path, code, message };
}

/** A failed result with a single issue. */
export function fail<T = never>(path: string, code: IssueCode | string, message: string): ValidationResult<T> {
  return invalid([issue(path, code, message)]);
}

/** Transforms the value of a successful result; failures pass through unchanged. */
export function mapValid<T, U>(result: ValidationResult<T>, fn: (value: T) => U): ValidationResult<U> {
  return result.ok ? valid(fn(result.value)) : result;
}

/** Returns the value, or throws `DomainError` (VALIDATION_FAILED) carrying every issue. */
export function unwrapValid<T>(result: ValidationResult<T>, message?: string): T {
  if (result.ok) return result.value;
  throw DomainError.validation(result.issues, message);
}
