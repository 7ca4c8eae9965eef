import { validateDoi, validateOrcid, validatePubmedId } from '../identifiers';
import { IssueCode, Validator, enumValue, objectOf, stringValue } from '../validation';
import { CaseSource, Contact } from './case-record.types';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const validateContact: Validator<Contact> = objectOf((r) => {
  const name = r.required('name', stringValue({ maxLength: 200 }));
  const email = r.optional('email', stringValue({ maxLength: 254, pattern: EMAIL, patternHint: 'an e-mail address' }));
  const orcid = r.optional('orcid', validateOrcid);
  const institution = r.optional('institution', stringValue({ maxLength: 300 }));
  if (name === undefined) return undefined;
  return { name, ...(email ? { email } : {}), ...(orcid ? { orcid } : {}), ...(institution ? { institution } : {}) };
});

const kind = enumValue(['literature', 'clinician', 'patient'] as const);

/** `{ kind: literature, doi?, pubmedId?, correspondingAuthor? } | { kind: clinician, contact? } | { kind: patient }`. */
export const validateCaseSource: Validator<CaseSource> = objectOf((r, issues) => {
  const k = r.required('kind', kind);
  if (k === 'literature') {
    const doi = r.optional('doi', validateDoi);
    const pubmedId = r.optional('pubmedId', validatePubmedId);
    const author = r.optional('correspondingAuthor', validateContact);
    if (!r.has('doi') && !r.has('pubmedId')) issues.add(r.path, IssueCode.REQUIRED, 'A literature case needs the doi or the pubmedId of its publication');
    return { kind: k, ...(doi ? { doi } : {}), ...(pubmedId ? { pubmedId } : {}), ...(author ? { correspondingAuthor: author } : {}) };
  }
  if (k === 'clinician') {
    const contact = r.optional('contact', validateContact);
    return { kind: k, ...(contact ? { contact } : {}) };
  }
  if (k === 'patient') return { kind: k };
  // An unknown kind was reported; mark the rest as read so only that one issue shows.
  ['doi', 'pubmedId', 'correspondingAuthor', 'contact'].forEach((key) => r.raw(key));
  return undefined;
});
