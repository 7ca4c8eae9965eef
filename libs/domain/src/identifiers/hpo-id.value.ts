import { IssueCode, ValidationResult, describeType, fail, valid } from '../validation';

/** `HP:` + seven digits. */
export type HpoId = `HP:${string}`;

export const HPO_IRI_PREFIX = 'http://purl.obolibrary.org/obo/HP_';
const CURIE = /^HP[:_](\d{7})$/i;

/** `http://purl.obolibrary.org/obo/HP_0001250` (or `HP_0001250`, `hp:0001250`) -> `HP:0001250`; else undefined. */
export function hpoIdFromIri(value: string): HpoId | undefined {
  const s = value.trim();
  const local = s.startsWith(HPO_IRI_PREFIX) || s.startsWith('https://purl.obolibrary.org/obo/HP_') ? s.slice(s.lastIndexOf('/') + 1) : s;
  const m = CURIE.exec(local);
  return m ? `HP:${m[1]}` : undefined;
}

export function hpoIri(id: HpoId): string {
  return `${HPO_IRI_PREFIX}${id.slice(3)}`;
}

/** The format of an HPO id only (`HP:` + seven digits); IRIs and `HP_` forms are normalised. */
export function validateHpoId(input: unknown, path = ''): ValidationResult<HpoId> {
  if (typeof input !== 'string') return fail(path, IssueCode.INVALID_TYPE, `Expected a string, got ${describeType(input)}`);
  const id = hpoIdFromIri(input);
  return id ? valid(id) : fail(path, IssueCode.INVALID_FORMAT, 'Must be an HPO id: HP: followed by seven digits, e.g. HP:0001250');
}
