import { IssueCode, Validator, enumValue, fail, objectOf, stringValue } from '../validation';
import { SignatureImage, validateSignatureImage } from './signature-image.value';

/** Who signs for the patient. */
export const SIGNER_RELATIONS = ['self', 'parent', 'legal-guardian'] as const;
export type SignerRelation = (typeof SIGNER_RELATIONS)[number];

/** What the signer submits online: typed name, relation and the drawn signature. */
export interface OnlineSignerInput {
  name: string;
  relation: SignerRelation;
  signature: SignatureImage;
}

/** What the clinician transcribes from a paper form (the scan is the evidence). */
export interface PaperSignerInput {
  name: string;
  relation: SignerRelation;
  /** The date written on the form (RFC 3339 or YYYY-MM-DD). */
  signedOn: string;
}

/** A signer as recorded on a consent version (the timestamp is the server's). */
export interface ConsentSigner {
  name: string;
  relation: SignerRelation;
  signedAt: string;
}

const signerName = stringValue({ maxLength: 200 });
const relation = enumValue(SIGNER_RELATIONS);
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2}))?$/;
const signedOn: Validator<string> = (input, path) => {
  const result = stringValue({ maxLength: 40, pattern: DATE, patternHint: 'a date such as 2025-01-31' })(input, path);
  if (result.ok && Number.isNaN(Date.parse(result.value))) {
    return fail(path, IssueCode.INVALID_FORMAT, 'Must be a real calendar date');
  }
  return result;
};

/** `{ name, relation, signature }`: each missing part is REQUIRED at its path. */
export const validateOnlineSigner: Validator<OnlineSignerInput> = objectOf((r) => {
  const value = {
    name: r.required('name', signerName),
    relation: r.required('relation', relation),
    signature: r.required('signature', validateSignatureImage),
  };
  return value.name && value.relation && value.signature ? (value as OnlineSignerInput) : undefined;
});

/** `{ name, relation, signedOn }` of a paper form. */
export const validatePaperSigner: Validator<PaperSignerInput> = objectOf((r) => {
  const value = {
    name: r.required('name', signerName),
    relation: r.required('relation', relation),
    signedOn: r.required('signedOn', signedOn),
  };
  return value.name && value.relation && value.signedOn ? (value as PaperSignerInput) : undefined;
});
