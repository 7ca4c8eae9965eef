import { FieldIssue } from '../errors';
import { IssueCode } from './issue-code';
import { prefixIssues } from './path';
import { ValidationResult, invalid, issue, valid } from './validation-result';

/**
 * Accumulates issues while a validator walks a whole input, so that the caller gets every
 * problem at once instead of the first one.
 */
export class IssueCollector {
  private readonly list: FieldIssue[] = [];

  get issues(): readonly FieldIssue[] {
    return this.list;
  }

  get ok(): boolean {
    return this.list.length === 0;
  }

  add(path: string, code: IssueCode | string, message: string): void {
    this.list.push(issue(path, code, message));
  }

  addAll(issues: readonly FieldIssue[], prefix = ''): void {
    this.list.push(...prefixIssues(prefix, issues));
  }

  /** Records the issues of a result; returns its value, or `undefined` when it failed. */
  take<T>(result: ValidationResult<T>): T | undefined {
    if (result.ok) return result.value;
    this.list.push(...result.issues);
    return undefined;
  }

  /** `valid(build())` when nothing was recorded, otherwise every recorded issue. */
  result<T>(build: () => T): ValidationResult<T> {
    return this.ok ? valid(build()) : invalid([...this.list]);
  }
}
