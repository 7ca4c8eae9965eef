import { IssueCode, ValidationResult, describeType, fail, valid } from '../../validation';
import { HgvsSyntaxError } from './hgvs-cursor';
import { parseHgvs } from './hgvs.parser';
import { referenceMismatch } from './hgvs-reference';
import { HgvsVariant } from './hgvs.types';

/**
 * An HGVS variant description on a versioned reference, parsed (see `parseHgvs`). Syntax errors
 * are HGVS_SYNTAX with the character position; a coordinate type that does not fit the
 * reference (NM_ with p., NP_ with c.) is HGVS_REFERENCE_MISMATCH.
 */
export function validateHgvs(input: unknown, path = ''): ValidationResult<HgvsVariant> {
  if (typeof input !== 'string') return fail(path, IssueCode.INVALID_TYPE, `Expected a string, got ${describeType(input)}`);
  if (input.trim() === '') return fail(path, IssueCode.REQUIRED, 'Must not be empty');
  let variant: HgvsVariant;
  try {
    variant = parseHgvs(input);
  } catch (e) {
    if (e instanceof HgvsSyntaxError) return fail(path, IssueCode.HGVS_SYNTAX, `Not a valid HGVS description: ${e.message}`);
    throw e;
  }
  const mismatch = referenceMismatch(variant.reference, variant.coordinate);
  return mismatch ? fail(path, IssueCode.HGVS_REFERENCE_MISMATCH, mismatch) : valid(variant);
}
