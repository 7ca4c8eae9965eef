import { IssueCode, ValidationResult, describeType, fail, valid } from '../validation';

// Prefix 10.NNNN (4-9 digits, optionally dotted sub-prefixes), then a suffix of visible characters.
const DOI = /^10\.\d{4,9}(?:\.\d+)*\/[^\s]+$/;
const RESOLVER = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i;

/**
 * A DOI, bare (`10.1038/s41431-020-00771-z`), as `doi:...` or as a doi.org URL. DOIs are
 * case-insensitive, so the value is normalised to lower case; compare normalised values.
 */
export function validateDoi(input: unknown, path = ''): ValidationResult<string> {
  if (typeof input !== 'string') return fail(path, IssueCode.INVALID_TYPE, `Expected a string, got ${describeType(input)}`);
  let value = input.trim().replace(RESOLVER, '');
  if (value.length > 300) return fail(path, IssueCode.OUT_OF_RANGE, 'A DOI is at most 300 characters long');
  if (/%[0-9a-f]{2}/i.test(value)) {
    try {
      value = decodeURIComponent(value);
    } catch {
      return fail(path, IssueCode.INVALID_FORMAT, 'The DOI URL has a broken percent-encoding');
    }
  }
  if (!DOI.test(value)) return fail(path, IssueCode.INVALID_FORMAT, 'Must be a DOI such as 10.1038/s41431-020-00771-z or https://doi.org/10.1038/...');
  return valid(value.toLowerCase());
}

/** `https://doi.org/<doi>`: how a DOI is displayed and linked. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}

/** Case-insensitive comparison of two DOIs in any accepted form; false when either is invalid. */
export function doiEquals(a: string, b: string): boolean {
  const x = validateDoi(a);
  const y = validateDoi(b);
  return x.ok && y.ok && x.value === y.value;
}
