import { IssueCode } from './issue-code';
import { ValidationResult, fail, valid } from './validation-result';

/** A validator of one untrusted value. `path` is where the value sits in the whole input. */
export type Validator<T> = (input: unknown, path: string) => ValidationResult<T>;

/** `typeof` as users read it: `null` and arrays are named as such. */
export function describeType(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

export function isPlainObject(input: unknown): input is Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const proto = Object.getPrototypeOf(input);
  return proto === Object.prototype || proto === null;
}

export interface StringRules {
  minLength?: number;
  maxLength?: number;
  pattern?: RegExp;
  /** Describes `pattern` in the error message, e.g. "six digits". */
  patternHint?: string;
  /** Trim surrounding white space before checking (default true). */
  trim?: boolean;
}

/** A string; trimmed by default; empty strings fail unless `minLength` is 0. */
export function stringValue(rules: StringRules = {}): Validator<string> {
  const { minLength = 1, maxLength = 10_000, pattern, patternHint, trim = true } = rules;
  return (input, path) => {
    if (typeof input !== 'string') return fail(path, IssueCode.INVALID_TYPE, `Expected a string, got ${describeType(input)}`);
    const value = trim ? input.trim() : input;
    if (value.length < minLength) {
      return minLength === 1
        ? fail(path, IssueCode.REQUIRED, 'Must not be empty')
        : fail(path, IssueCode.OUT_OF_RANGE, `Must be at least ${minLength} characters long`);
    }
    if (value.length > maxLength) return fail(path, IssueCode.OUT_OF_RANGE, `Must be at most ${maxLength} characters long`);
    if (pattern && !pattern.test(value)) {
      return fail(path, IssueCode.INVALID_FORMAT, `Must be ${patternHint ?? `of the form ${pattern.source}`}`);
    }
    return valid(value);
  };
}

/** An integer (a JSON number; numeric strings are refused) within `[min, max]`. */
export function integerValue(rules: { min?: number; max?: number } = {}): Validator<number> {
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = rules;
  return (input, path) => {
    if (typeof input !== 'number' || !Number.isFinite(input)) {
      return fail(path, IssueCode.INVALID_TYPE, `Expected a number, got ${describeType(input)}`);
    }
    if (!Number.isInteger(input)) return fail(path, IssueCode.INVALID_FORMAT, 'Must be a whole number');
    if (input < min || input > max) return fail(path, IssueCode.OUT_OF_RANGE, `Must be between ${min} and ${max}`);
    return valid(input);
  };
}

export const booleanValue: Validator<boolean> = (input, path) =>
  typeof input === 'boolean' ? valid(input) : fail(path, IssueCode.INVALID_TYPE, `Expected true or false, got ${describeType(input)}`);

/** One of a closed list of strings (exact match). */
export function enumValue<T extends string>(allowed: readonly T[]): Validator<T> {
  return (input, path) => {
    if (typeof input !== 'string') return fail(path, IssueCode.INVALID_TYPE, `Expected a string, got ${describeType(input)}`);
    if ((allowed as readonly string[]).includes(input)) return valid(input as T);
    return fail(path, IssueCode.UNKNOWN_VALUE, `Must be one of: ${allowed.join(', ')}`);
  };
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** An RFC 3339 timestamp with a zone (`2025-01-31T12:00:00Z`); returned as given. */
export const timestampValue: Validator<string> = (input, path) => {
  if (typeof input !== 'string') return fail(path, IssueCode.INVALID_TYPE, `Expected a string, got ${describeType(input)}`);
  if (!RFC3339.test(input) || Number.isNaN(Date.parse(input))) {
    return fail(path, IssueCode.INVALID_FORMAT, 'Must be an RFC 3339 timestamp with a time zone, e.g. 2025-01-31T12:00:00Z');
  }
  return valid(input);
};

const SHA256 = /^[0-9a-f]{64}$/;

/** A sha256 digest as 64 hex digits; normalised to lower case. */
export const sha256Value: Validator<string> = (input, path) => {
  if (typeof input !== 'string') return fail(path, IssueCode.INVALID_TYPE, `Expected a string, got ${describeType(input)}`);
  const value = input.trim().toLowerCase();
  return SHA256.test(value) ? valid(value) : fail(path, IssueCode.INVALID_FORMAT, 'Must be a sha256 digest of 64 hex digits');
};
