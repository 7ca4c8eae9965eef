import { IssueCode, ValidationResult, describeType, fail, valid } from '../validation';

/** `OMIM:` + six digits, the first 1-6 (the MIM number's class digit). */
export type OmimId = `OMIM:${string}`;
/** `MONDO:` + seven digits. */
export type MondoId = `MONDO:${string}`;
/** `ORPHA:` + digits (the HPOA form; MME writes `Orphanet:`). */
export type OrphanetId = `ORPHA:${string}`;
export type DisorderId = OmimId | MondoId | OrphanetId;

const OMIM = /^(?:(?:OMIM|MIM):\s*)?[#%*+^]?(\d{6})$/i;
const MONDO = /^MONDO[:_](\d{7})$/i;
const ORPHA = /^(?:ORPHA|ORPHANET)[:_](\d{1,7})$/i;

function asString(input: unknown, path: string): ValidationResult<string> {
  return typeof input === 'string' ? { ok: true, value: input.trim() } : fail(path, IssueCode.INVALID_TYPE, `Expected a string, got ${describeType(input)}`);
}

/**
 * An OMIM MIM number. Accepts `OMIM:164400`, `MIM:164400`, bare `164400` and the display
 * prefixes (`#164400`); normalises to `OMIM:164400`. Phenotypic series (`OMIM:PS...`) are refused.
 */
export function validateOmimId(input: unknown, path = ''): ValidationResult<OmimId> {
  const s = asString(input, path);
  if (!s.ok) return s;
  const m = OMIM.exec(s.value);
  if (!m) {
    if (/^(OMIM:)?PS\d+$/i.test(s.value)) {
      return fail(path, IssueCode.INVALID_FORMAT, 'OMIM phenotypic series (PS...) are not accepted; give the entry of the disorder');
    }
    return fail(path, IssueCode.INVALID_FORMAT, 'Must be an OMIM id: OMIM: followed by six digits, e.g. OMIM:164400');
  }
  const digits = m[1];
  if (digits[0] < '1' || digits[0] > '6') {
    return fail(path, IssueCode.OUT_OF_RANGE, 'An OMIM number starts with a digit from 1 to 6');
  }
  return valid<OmimId>(`OMIM:${digits}`);
}

/** A MONDO id. Accepts `MONDO:0007947` and `MONDO_0007947` in any case; normalises to `MONDO:0007947`. */
export function validateMondoId(input: unknown, path = ''): ValidationResult<MondoId> {
  const s = asString(input, path);
  if (!s.ok) return s;
  const m = MONDO.exec(s.value);
  if (!m) return fail(path, IssueCode.INVALID_FORMAT, 'Must be a MONDO id: MONDO: followed by seven digits, e.g. MONDO:0007947');
  return valid<MondoId>(`MONDO:${m[1]}`);
}

/** An Orphanet id. Accepts `ORPHA:558` and `Orphanet:558`; normalises to `ORPHA:558`. */
export function validateOrphanetId(input: unknown, path = ''): ValidationResult<OrphanetId> {
  const s = asString(input, path);
  if (!s.ok) return s;
  const m = ORPHA.exec(s.value);
  if (!m || m[1].startsWith('0')) {
    return fail(path, IssueCode.INVALID_FORMAT, 'Must be an Orphanet id: ORPHA: followed by a number, e.g. ORPHA:558');
  }
  return valid<OrphanetId>(`ORPHA:${m[1]}`);
}

/** Any of the three disorder vocabularies, told apart by prefix (bare six digits count as OMIM). */
export function validateDisorderId(input: unknown, path = ''): ValidationResult<DisorderId> {
  const s = asString(input, path);
  if (!s.ok) return s;
  const prefix = s.value.split(/[:_]/)[0].toUpperCase();
  if (prefix === 'MONDO') return validateMondoId(s.value, path);
  if (prefix === 'ORPHA' || prefix === 'ORPHANET') return validateOrphanetId(s.value, path);
  return validateOmimId(s.value, path);
}

/** The Matchmaker Exchange spelling: `OMIM:164400` -> `MIM:164400`, `ORPHA:558` -> `Orphanet:558`. */
export function toMmeDisorderId(id: DisorderId): string {
  if (id.startsWith('OMIM:')) return `MIM:${id.slice(5)}`;
  if (id.startsWith('ORPHA:')) return `Orphanet:${id.slice(6)}`;
  return id;
}
