import {
  IssueCode,
  IssueCollector,
  ObjectReader,
  DomainError,
  MAX_AGE_YEARS,
  integerValue,
  stringValue,
  validateAncestryGroup,
  validateDisorderId,
  validateHgncSymbol,
  validateImageModality,
  validateSex,
  type Validator,
} from '@gmdb/domain';
import { pageSizeOf } from './case-cursor';
import type { CaseQuery } from './case-query.service';

const DAYS_PER_YEAR = 365.25;

/** Numbers arrive as strings in a query string. */
const wholeYears: Validator<number> = (input, path) =>
  integerValue({ min: 0, max: MAX_AGE_YEARS })(typeof input === 'string' && /^\d{1,4}$/.test(input) ? Number(input) : input, path);

/**
 * Validates gallery / list arguments (REST query string or GraphQL filter): disorderId,
 * geneSymbol, ancestry, sex, ageMin / ageMax (whole years, on the age at last examination),
 * modality, and the page (`after`, `limit` or `first`). Unknown ones are UNKNOWN_FIELD.
 */
export function parseCaseSearch(input: Record<string, unknown>, pageField: 'limit' | 'first' = 'limit'): CaseQuery {
  const issues = new IssueCollector();
  const r = ObjectReader.open(input, '', issues);
  if (!r) throw DomainError.validation([...issues.issues]);
  const disorderId = r.optional('disorderId', validateDisorderId);
  const geneSymbol = r.optional('geneSymbol', validateHgncSymbol);
  const ancestry = r.optional('ancestry', validateAncestryGroup);
  const sex = r.optional('sex', validateSex);
  const ageMin = r.optional('ageMin', wholeYears);
  const ageMax = r.optional('ageMax', wholeYears);
  const modality = r.optional('modality', validateImageModality);
  const after = r.optional('after', stringValue({ maxLength: 200 }));
  const rawLimit = r.raw(pageField);
  r.finish();
  if (ageMin !== undefined && ageMax !== undefined && ageMin > ageMax) issues.add('ageMin', IssueCode.OUT_OF_RANGE, 'ageMin is above ageMax');
  if (!issues.ok) throw DomainError.validation([...issues.issues]);
  return {
    filter: {
      ...(disorderId ? { disorderId } : {}),
      ...(geneSymbol ? { geneSymbol } : {}),
      ...(ancestry ? { ancestry } : {}),
      ...(sex ? { sex } : {}),
      ...(ageMin !== undefined ? { ageMinDays: Math.floor(ageMin * DAYS_PER_YEAR) } : {}),
      // Up to the last day before the next birthday.
      ...(ageMax !== undefined ? { ageMaxDays: Math.floor((ageMax + 1) * DAYS_PER_YEAR) - 1 } : {}),
    },
    ...(modality ? { modality } : {}),
    after: after ?? null,
    limit: pageSizeOf(rawLimit, pageField),
  };
}
