import { IssueCode, ValidationResult, describeType, fail, valid } from '../validation';

/**
 * A PubMed id: a positive integer, given as a number or a string (`"31234567"`, `"PMID:31234567"`,
 * `"PMID 31234567"`). Normalised to a number.
 */
export function validatePubmedId(input: unknown, path = ''): ValidationResult<number> {
  let value: number;
  if (typeof input === 'number') {
    value = input;
  } else if (typeof input === 'string') {
    const m = /^(?:PMID:?\s*)?(\d{1,9})$/i.exec(input.trim());
    if (!m) return fail(path, IssueCode.INVALID_FORMAT, 'Must be a PubMed id: a positive whole number, e.g. 31234567');
    value = Number(m[1]);
  } else {
    return fail(path, IssueCode.INVALID_TYPE, `Expected a number, got ${describeType(input)}`);
  }
  if (!Number.isInteger(value)) return fail(path, IssueCode.INVALID_FORMAT, 'Must be a whole number');
  if (value < 1 || value > 999_999_999) return fail(path, IssueCode.OUT_OF_RANGE, 'Must be a positive number of at most nine digits');
  return valid(value);
}
