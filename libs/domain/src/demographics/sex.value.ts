import { IssueCode, ValidationResult, describeType, fail, valid } from '../validation';

/** Sex as recorded in a case. */
export enum Sex {
  Female = 'female',
  Male = 'male',
  Other = 'other',
  Unknown = 'unknown',
}

export const ALL_SEXES: readonly Sex[] = Object.values(Sex);

// Phenopacket names are accepted on input as well.
const ALIASES: Readonly<Record<string, Sex>> = {
  female: Sex.Female,
  male: Sex.Male,
  other: Sex.Other,
  unknown: Sex.Unknown,
  other_sex: Sex.Other,
  unknown_sex: Sex.Unknown,
};

/** `female | male | other | unknown` in any case; also the Phenopacket `OTHER_SEX`/`UNKNOWN_SEX`. */
export function validateSex(input: unknown, path = ''): ValidationResult<Sex> {
  if (typeof input !== 'string') return fail(path, IssueCode.INVALID_TYPE, `Expected a string, got ${describeType(input)}`);
  const sex = ALIASES[input.trim().toLowerCase()];
  return sex ? valid(sex) : fail(path, IssueCode.UNKNOWN_VALUE, `Must be one of: ${ALL_SEXES.join(', ')}`);
}

/** Phenopacket v2 `Sex` enum value. */
export function toPhenopacketSex(sex: Sex): 'FEMALE' | 'MALE' | 'OTHER_SEX' | 'UNKNOWN_SEX' {
  return ({ female: 'FEMALE', male: 'MALE', other: 'OTHER_SEX', unknown: 'UNKNOWN_SEX' } as const)[sex];
}

/** Matchmaker Exchange `sex` (absent when unknown). */
export function toMmeSex(sex: Sex): 'FEMALE' | 'MALE' | 'OTHER' | undefined {
  return ({ female: 'FEMALE', male: 'MALE', other: 'OTHER', unknown: undefined } as const)[sex];
}
