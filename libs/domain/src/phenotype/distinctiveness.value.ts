import { IssueCode, ValidationResult, describeType, fail, valid } from '../validation';

/** The clinician's score of how distinctive the facial gestalt is. */
export enum Distinctiveness {
  Supportive = 1,
  Important = 2,
  Key = 3,
}

export const DISTINCTIVENESS_LABELS: Readonly<Record<Distinctiveness, string>> = {
  [Distinctiveness.Supportive]: 'supportive',
  [Distinctiveness.Important]: 'important',
  [Distinctiveness.Key]: 'key',
};

/** 1 (supportive), 2 (important) or 3 (key); a whole JSON number. */
export function validateDistinctiveness(input: unknown, path = ''): ValidationResult<Distinctiveness> {
  if (typeof input !== 'number') return fail(path, IssueCode.INVALID_TYPE, `Expected a number, got ${describeType(input)}`);
  if (input === 1 || input === 2 || input === 3) return valid(input as Distinctiveness);
  return fail(path, IssueCode.OUT_OF_RANGE, 'Must be 1 (supportive), 2 (important) or 3 (key)');
}
