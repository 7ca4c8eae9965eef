import { IssueCode } from './issue-code';
import { IssueCollector } from './issue-collector';
import { joinPath } from './path';
import { Validator, describeType, isPlainObject } from './primitives';
import { invalid, valid } from './validation-result';

/**
 * Reads the fields of one untrusted JSON object. Every field read is remembered; `finish()`
 * reports each field that was never read as UNKNOWN_FIELD. Issues go to the shared collector,
 * with full paths. In `partial` mode (PATCH) required fields may be absent.
 *
 * `null` counts as absent: an optional field may be null, a required one may not.
 */
export class ObjectReader {
  private readonly read = new Set<string>();

  private constructor(
    private readonly object: Record<string, unknown>,
    readonly path: string,
    private readonly issues: IssueCollector,
    readonly partial: boolean,
  ) {}

  /** `undefined` (and an INVALID_TYPE issue) when `input` is not a plain object. */
  static open(input: unknown, path: string, issues: IssueCollector, options: { partial?: boolean } = {}): ObjectReader | undefined {
    if (!isPlainObject(input)) {
      issues.add(path, IssueCode.INVALID_TYPE, `Expected an object, got ${describeType(input)}`);
      return undefined;
    }
    return new ObjectReader(input, path, issues, options.partial ?? false);
  }

  /** Whether the field is present with a non-null value (does not mark it read). */
  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.object, key) && this.object[key] !== undefined && this.object[key] !== null;
  }

  /** The raw value, marking the field read. */
  raw(key: string): unknown {
    this.read.add(key);
    return Object.prototype.hasOwnProperty.call(this.object, key) ? this.object[key] : undefined;
  }

  fieldPath(key: string): string {
    return joinPath(this.path, key);
  }

  /** A field that must be present (unless partial); its validator's issues are recorded. */
  required<T>(key: string, validator: Validator<T>): T | undefined {
    const value = this.raw(key);
    if (value === undefined || value === null) {
      if (!this.partial) this.issues.add(this.fieldPath(key), IssueCode.REQUIRED, 'Required');
      return undefined;
    }
    return this.issues.take(validator(value, this.fieldPath(key)));
  }

  /** A field that may be absent or null. */
  optional<T>(key: string, validator: Validator<T>): T | undefined {
    const value = this.raw(key);
    if (value === undefined || value === null) return undefined;
    return this.issues.take(validator(value, this.fieldPath(key)));
  }

  /** Reports every field that no read touched. Call once, after reading everything known. */
  finish(): void {
    for (const key of Object.keys(this.object)) {
      if (!this.read.has(key)) this.issues.add(this.fieldPath(key), IssueCode.UNKNOWN_FIELD, `Unknown field "${key}"`);
    }
  }
}

/**
 * Makes a validator of an object from a function that reads its fields. Unknown fields are
 * reported after `read` returns. `read` returns `undefined` only when it recorded an issue.
 */
export function objectOf<T>(
  read: (reader: ObjectReader, issues: IssueCollector) => T | undefined,
  options: { partial?: boolean } = {},
): Validator<T> {
  return (input, path) => {
    const issues = new IssueCollector();
    const reader = ObjectReader.open(input, path, issues, options);
    if (!reader) return invalid(issues.issues.slice());
    const value = read(reader, issues);
    reader.finish();
    if (!issues.ok) return invalid(issues.issues.slice());
    if (value === undefined) throw new Error(`objectOf: reader for "${path}" returned nothing without an issue`);
    return valid(value);
  };
}
