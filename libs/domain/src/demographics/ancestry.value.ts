import {
  IssueCode,
  ValidationResult,
  Validator,
  arrayOf,
  describeType,
  enumValue,
  fail,
  objectOf,
  valid,
} from '../validation';
import { isCountryCode } from './country-codes';

/**
 * Broad ancestry groups: the "ancestry category" branch (HANCESTRO:0004) of the Human Ancestry
 * Ontology, i.e. the GWAS Catalog framework (Morales et al., Genome Biol 2018, 19:21). Every id
 * and label below was read from EBISPOT/hancestro `hancestro.obo`, release 2024-08-19.
 * "American" is split as HANCESTRO does: Latin or admixed American, Indigenous American, and
 * African American or Afro-Caribbean. Mixed ancestry is recorded as several entries.
 */
export enum AncestryGroup {
  African = 'african',
  AfricanAmericanOrAfroCaribbean = 'african-american-or-afro-caribbean',
  LatinOrAdmixedAmerican = 'latin-or-admixed-american',
  IndigenousAmerican = 'indigenous-american',
  EastAsian = 'east-asian',
  SouthEastAsian = 'south-east-asian',
  SouthAsian = 'south-asian',
  CentralAsian = 'central-asian',
  /** Asian without enough information for a finer group. */
  Asian = 'asian',
  /** Middle Eastern, North African or Persian. */
  GreaterMiddleEastern = 'greater-middle-eastern',
  European = 'european',
  Oceanian = 'oceanian',
  /** Known ancestry that fits none of the groups (HANCESTRO "uncategorised population"). */
  Other = 'other',
}

export const ANCESTRY_GROUPS: Readonly<Record<AncestryGroup, { hancestroId: string; label: string }>> = {
  [AncestryGroup.African]: { hancestroId: 'HANCESTRO:0010', label: 'African' },
  [AncestryGroup.AfricanAmericanOrAfroCaribbean]: { hancestroId: 'HANCESTRO:0016', label: 'African American or Afro-Caribbean' },
  [AncestryGroup.LatinOrAdmixedAmerican]: { hancestroId: 'HANCESTRO:0014', label: 'Latin or Admixed American' },
  [AncestryGroup.IndigenousAmerican]: { hancestroId: 'HANCESTRO:0013', label: 'Indigenous American' },
  [AncestryGroup.EastAsian]: { hancestroId: 'HANCESTRO:0009', label: 'East Asian' },
  [AncestryGroup.SouthEastAsian]: { hancestroId: 'HANCESTRO:0007', label: 'South East Asian' },
  [AncestryGroup.SouthAsian]: { hancestroId: 'HANCESTRO:0006', label: 'South Asian' },
  [AncestryGroup.CentralAsian]: { hancestroId: 'HANCESTRO:0286', label: 'Central Asian' },
  [AncestryGroup.Asian]: { hancestroId: 'HANCESTRO:0008', label: 'Asian' },
  [AncestryGroup.GreaterMiddleEastern]: {
    hancestroId: 'HANCESTRO:0015',
    label: 'Greater Middle Eastern (Middle Eastern or North African or Persian)',
  },
  [AncestryGroup.European]: { hancestroId: 'HANCESTRO:0005', label: 'European' },
  [AncestryGroup.Oceanian]: { hancestroId: 'HANCESTRO:0017', label: 'Oceanian' },
  [AncestryGroup.Other]: { hancestroId: 'HANCESTRO:0018', label: 'uncategorised population' },
};

export const ALL_ANCESTRY_GROUPS: readonly AncestryGroup[] = Object.values(AncestryGroup);

/** One ancestry line of a patient: a group and, where known, ISO 3166-1 alpha-2 countries of origin. */
export interface Ancestry {
  group: AncestryGroup;
  /** The HANCESTRO CURIE of `group`, filled in by validation. */
  hancestroId: string;
  countries: string[];
}

/** Accepts the group key (`european`) or its HANCESTRO CURIE (`HANCESTRO:0005`). */
export function validateAncestryGroup(input: unknown, path = ''): ValidationResult<AncestryGroup> {
  if (typeof input !== 'string') return fail(path, IssueCode.INVALID_TYPE, `Expected a string, got ${describeType(input)}`);
  const s = input.trim();
  const byCurie = ALL_ANCESTRY_GROUPS.find((g) => ANCESTRY_GROUPS[g].hancestroId === s.toUpperCase());
  if (byCurie) return valid(byCurie);
  return enumValue(ALL_ANCESTRY_GROUPS)(s.toLowerCase(), path);
}

/** An ISO 3166-1 alpha-2 code, in any case; normalised to upper case. */
export function validateCountryCode(input: unknown, path = ''): ValidationResult<string> {
  if (typeof input !== 'string') return fail(path, IssueCode.INVALID_TYPE, `Expected a string, got ${describeType(input)}`);
  const code = input.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) return fail(path, IssueCode.INVALID_FORMAT, 'Must be a two-letter ISO 3166-1 country code, e.g. DE');
  return isCountryCode(code) ? valid(code) : fail(path, IssueCode.UNKNOWN_VALUE, `"${code}" is not an ISO 3166-1 alpha-2 country code`);
}

/** `{ group, countries? }`. */
export const validateAncestry: Validator<Ancestry> = objectOf((r) => {
  const group = r.required('group', validateAncestryGroup);
  const countries = r.optional('countries', arrayOf(validateCountryCode, { maxItems: 20 })) ?? [];
  if (group === undefined) return undefined;
  return { group, hancestroId: ANCESTRY_GROUPS[group].hancestroId, countries: [...new Set(countries)] };
});

/** A list of ancestry lines (several for mixed ancestry); a group may appear only once. */
export const validateAncestryList: Validator<Ancestry[]> = (input, path) => {
  const result = arrayOf(validateAncestry, { maxItems: 10 })(input, path);
  if (!result.ok) return result;
  const seen = new Set<AncestryGroup>();
  for (const [i, a] of result.value.entries()) {
    if (seen.has(a.group)) return fail(`${path}[${i}].group`, IssueCode.DUPLICATE, `"${a.group}" is listed twice; merge the countries into one entry`);
    seen.add(a.group);
  }
  return result;
};
