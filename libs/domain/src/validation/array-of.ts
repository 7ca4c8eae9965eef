import { FieldIssue } from '../errors';
import { IssueCode } from './issue-code';
import { joinPath } from './path';
import { Validator, describeType } from './primitives';
import { fail, invalid, valid } from './validation-result';

/** An array whose every item passes `item`; reports the issues of every bad item. */
export function arrayOf<T>(item: Validator<T>, rules: { minItems?: number; maxItems?: number } = {}): Validator<T[]> {
  const { minItems = 0, maxItems = 1000 } = rules;
  return (input, path) => {
    if (!Array.isArray(input)) return fail(path, IssueCode.INVALID_TYPE, `Expected an array, got ${describeType(input)}`);
    if (input.length < minItems) {
      return fail(path, minItems === 1 ? IssueCode.REQUIRED : IssueCode.OUT_OF_RANGE, `Must have at least ${minItems} item(s)`);
    }
    if (input.length > maxItems) return fail(path, IssueCode.OUT_OF_RANGE, `Must have at most ${maxItems} items`);
    const issues: FieldIssue[] = [];
    const values: T[] = [];
    input.forEach((element, index) => {
      const result = item(element, joinPath(path, index));
      if (result.ok) values.push(result.value);
      else issues.push(...result.issues);
    });
    return issues.length ? invalid(issues) : valid(values);
  };
}
