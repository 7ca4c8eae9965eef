/**
 * Stable codes of field-level validation issues (`FieldIssue.code`). Clients switch on these;
 * never rename one, only add. The HPO codes share their strings with `ErrorCode`.
 */
export enum IssueCode {
  /** A required field is missing (or null). */
  REQUIRED = 'REQUIRED',
  /** The value has the wrong JSON type (string expected, got a number...). */
  INVALID_TYPE = 'INVALID_TYPE',
  /** The value does not match the expected syntax. */
  INVALID_FORMAT = 'INVALID_FORMAT',
  /** A number, length or count is outside its allowed range. */
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  /** The value is not one of a closed list of allowed values. */
  UNKNOWN_VALUE = 'UNKNOWN_VALUE',
  /** The identifier's check digit is wrong (ORCID). */
  CHECKSUM_MISMATCH = 'CHECKSUM_MISMATCH',
  /** The object has a field the schema does not know. */
  UNKNOWN_FIELD = 'UNKNOWN_FIELD',
  /** The same value appears twice where it must be unique. */
  DUPLICATE = 'DUPLICATE',
  /** Two fields contradict each other (a term both present and excluded...). */
  CONFLICT = 'CONFLICT',
  /** The HPO id is well formed but not in the loaded ontology. */
  HPO_TERM_UNKNOWN = 'HPO_TERM_UNKNOWN',
  /** The HPO term is obsolete; the message names its replacement when there is one. */
  HPO_TERM_OBSOLETE = 'HPO_TERM_OBSOLETE',
  /** The HPO term exists but is not under the required root (HP:0000118 for features). */
  HPO_TERM_WRONG_BRANCH = 'HPO_TERM_WRONG_BRANCH',
  /** The HGVS expression does not parse; the message gives the character position. */
  HGVS_SYNTAX = 'HGVS_SYNTAX',
  /** The HGVS reference sequence does not fit the coordinate type (NM_... with p.). */
  HGVS_REFERENCE_MISMATCH = 'HGVS_REFERENCE_MISMATCH',
  /** The ISCN string fails the light syntax check. */
  ISCN_SYNTAX = 'ISCN_SYNTAX',
  /** The message name is not a known job or event. */
  UNKNOWN_MESSAGE = 'UNKNOWN_MESSAGE',
}
