import { IssueCode, ValidationResult, describeType, fail, valid } from '../validation';

/** `HGNC:` + digits. */
export type HgncId = `HGNC:${string}`;

// Upper-case letters and digits, hyphen-separated parts, with the lower-case `orf` of
// open-reading-frame symbols (C9orf72). Starts with a letter. E.g. KMT2D, NKX2-1, MT-ND1, HLA-DRB1.
const SYMBOL = /^[A-Z][A-Z0-9]*(?:orf\d+)?(?:-[A-Z0-9]+)*$/;

/** An HGNC gene symbol (not checked against the HGNC list, which is not shipped). */
export function validateHgncSymbol(input: unknown, path = ''): ValidationResult<string> {
  if (typeof input !== 'string') return fail(path, IssueCode.INVALID_TYPE, `Expected a string, got ${describeType(input)}`);
  const value = input.trim();
  if (value.length === 0) return fail(path, IssueCode.REQUIRED, 'Must not be empty');
  if (value.length > 30) return fail(path, IssueCode.OUT_OF_RANGE, 'An HGNC symbol is at most 30 characters long');
  if (!SYMBOL.test(value)) {
    const hint = SYMBOL.test(value.toUpperCase()) ? ` (HGNC symbols are upper case: ${value.toUpperCase()}?)` : '';
    return fail(path, IssueCode.INVALID_FORMAT, `Must be an HGNC gene symbol such as KMT2D or NKX2-1${hint}`);
  }
  return valid(value);
}

/** An HGNC id. Accepts `HGNC:7133` in any case or bare digits; normalises to `HGNC:7133`. */
export function validateHgncId(input: unknown, path = ''): ValidationResult<HgncId> {
  const raw = typeof input === 'number' && Number.isInteger(input) ? String(input) : input;
  if (typeof raw !== 'string') return fail(path, IssueCode.INVALID_TYPE, `Expected a string, got ${describeType(input)}`);
  const m = /^(?:HGNC:)?([1-9]\d{0,6})$/i.exec(raw.trim());
  if (!m) return fail(path, IssueCode.INVALID_FORMAT, 'Must be an HGNC id: HGNC: followed by a number, e.g. HGNC:7133');
  return valid<HgncId>(`HGNC:${m[1]}`);
}
