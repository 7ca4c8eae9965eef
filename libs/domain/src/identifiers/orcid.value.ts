import { IssueCode, ValidationResult, describeType, fail, valid } from '../validation';

export interface Orcid {
  /** `0000-0002-1825-0097` */
  id: string;
  /** `https://orcid.org/0000-0002-1825-0097`, the form to store and to send to DataCite. */
  uri: string;
}

/** ISO 7064 MOD 11-2 check character of the first 15 digits of an ORCID iD. */
export function orcidCheckDigit(first15: string): string {
  let total = 0;
  for (const ch of first15) total = (total + Number(ch)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? 'X' : String(result);
}

const FORM = /^(?:(?:https?:\/\/)?(?:www\.)?orcid\.org\/)?(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dXx])$/;

/**
 * An ORCID iD, bare (`0000-0002-1825-0097`) or as its URI (`https://orcid.org/...`), with the
 * check digit verified. Normalised to `{ id, uri }` with an upper-case X.
 */
export function validateOrcid(input: unknown, path = ''): ValidationResult<Orcid> {
  if (typeof input !== 'string') return fail(path, IssueCode.INVALID_TYPE, `Expected a string, got ${describeType(input)}`);
  const m = FORM.exec(input.trim());
  if (!m) return fail(path, IssueCode.INVALID_FORMAT, 'Must be an ORCID iD such as 0000-0002-1825-0097 or https://orcid.org/0000-0002-1825-0097');
  const digits = (m[1] + m[2] + m[3] + m[4]).toUpperCase();
  const expected = orcidCheckDigit(digits.slice(0, 15));
  if (digits[15] !== expected) {
    return fail(path, IssueCode.CHECKSUM_MISMATCH, `The ORCID check digit is wrong (expected ${expected}); please copy the iD again`);
  }
  const id = `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8, 12)}-${digits.slice(12)}`;
  return valid({ id, uri: `https://orcid.org/${id}` });
}
