import { ConsentChoices, ConsentLanguage } from './consent-choices.value';
import { ConsentSigner } from './consent-signer.value';

/**
 * `active`: signed and in force; `withdrawn`: the patient (or someone on their behalf) took it
 * back; `rejected`: the signer refused every use. Only the newest version of a case is current.
 */
export type ConsentState = 'active' | 'withdrawn' | 'rejected';

/** How the consent was given: signed online through an invitation, or on paper (scan kept). */
export type ConsentMethod = 'online' | 'paper';

/** What caused a version. */
export type ConsentChangeKind = 'signed' | 'paper' | 'changed' | 'withdrawn';

/** One version of a case's consent, as the domain rules see it. */
export interface ConsentRecord {
  /** This version. */
  id: string;
  caseId: string;
  /** The case's consent across all its versions (the FHIR Consent id; `version` orders them). */
  seriesId: string;
  version: number;
  state: ConsentState;
  method: ConsentMethod;
  kind: ConsentChangeKind;
  templateVersion: string;
  language: ConsentLanguage;
  choices: ConsentChoices;
  /** Who signed the form this version rests on (absent only on a withdrawal recorded by staff). */
  signer?: ConsentSigner;
  /** An online signature image is stored with this version. */
  hasSignatureImage: boolean;
  /** A scan of the paper form is stored with this version. */
  hasScan: boolean;
  /** When the consent this version rests on first took effect (kept across changes). */
  effectiveFrom: string;
  createdAt: string;
  withdrawnAt?: string;
  responsibleClinician?: string;
  institutionId?: string;
}
