/** The parts of HL7 FHIR R4 (4.0.1) used by the Consent export. */
export interface FhirCoding {
  system: string;
  code: string;
  display?: string;
}

export interface FhirCodeableConcept {
  coding: FhirCoding[];
  text?: string;
}

export interface FhirIdentifier {
  system: string;
  value: string;
}

export interface FhirReference {
  reference?: string;
  type?: string;
  identifier?: FhirIdentifier;
  display?: string;
}

export interface FhirPeriod {
  start?: string;
  end?: string;
}

export interface FhirAttachment {
  contentType: string;
  title?: string;
  creation?: string;
  size?: number;
  /** Base64 SHA-1 of the data (FHIR Attachment.hash). */
  hash?: string;
}

export type FhirConsentStatus = 'draft' | 'proposed' | 'active' | 'rejected' | 'inactive' | 'entered-in-error';
export type FhirProvisionType = 'deny' | 'permit';

export interface FhirConsentProvision {
  type: FhirProvisionType;
  period?: FhirPeriod;
  action?: FhirCodeableConcept[];
  purpose?: FhirCoding[];
  code?: FhirCodeableConcept[];
  provision?: FhirConsentProvision[];
}

export interface FhirConsent {
  resourceType: 'Consent';
  id: string;
  meta: { versionId: string; lastUpdated: string; profile?: string[] };
  identifier: FhirIdentifier[];
  status: FhirConsentStatus;
  scope: FhirCodeableConcept;
  category: FhirCodeableConcept[];
  patient: FhirReference;
  dateTime: string;
  performer?: FhirReference[];
  organization?: FhirReference[];
  sourceAttachment?: FhirAttachment;
  policy: { authority?: string; uri: string }[];
  verification?: { verified: boolean; verificationDate?: string }[];
  provision: FhirConsentProvision;
}
