import { ConsentChoices, grantedChoices } from './consent-choices.value';
import { ConsentRecord } from './consent-record.types';
import { CONSENT_CHOICE_DISPLAY, DUO_HMB, FHIR_SYSTEMS, GMDB_CONSENT_POLICY_BASE } from './fhir-consent.codes';
import {
  FhirAttachment,
  FhirCodeableConcept,
  FhirConsent,
  FhirConsentProvision,
  FhirConsentStatus,
  FhirProvisionType,
  FhirReference,
} from './fhir-consent.types';

/** What the export needs beyond the consent record. */
export interface FhirConsentExtras {
  /** The signed form: the scan of a paper consent or the online signature image (metadata only). */
  source?: FhirAttachment;
}

type ChoiceCode = keyof typeof CONSENT_CHOICE_DISPLAY;
type ConsentActionCode = 'collect' | 'access' | 'use' | 'disclose' | 'correct';

const STATUS: Record<ConsentRecord['state'], FhirConsentStatus> = { active: 'active', withdrawn: 'inactive', rejected: 'rejected' };

/** Which consent actions each choice covers. */
const CHOICE_ACTIONS: Record<ChoiceCode, ConsentActionCode[]> = {
  'ai-training': ['use'],
  'fair-sharing': ['access', 'disclose'],
  presentations: ['disclose'],
  teaching: ['disclose'],
  'other-journals': ['disclose'],
  'matchmaking-contact': ['use'],
};

function concept(system: string, code: string, display?: string): FhirCodeableConcept {
  return { coding: [{ system, code, ...(display ? { display } : {}) }] };
}

function actions(codes: ConsentActionCode[]): FhirCodeableConcept[] {
  return codes.map((code) => concept(FHIR_SYSTEMS.consentAction, code));
}

function permitted(choices: ConsentChoices): Record<ChoiceCode, boolean> {
  const granted = grantedChoices(choices);
  return {
    'ai-training': choices.dataUse === 'fair' || choices.dataUse === 'ai-training-only',
    'fair-sharing': granted['fair-sharing'],
    presentations: granted.presentations,
    teaching: granted.teaching,
    'other-journals': granted['other-journals'],
    'matchmaking-contact': granted['matchmaking-contact'],
  };
}

function provisionOf(consent: ConsentRecord): FhirConsentProvision {
  const inForce = consent.state === 'active';
  const allowed = permitted(consent.choices);
  const nested = (Object.keys(CONSENT_CHOICE_DISPLAY) as ChoiceCode[]).map(
    (code): FhirConsentProvision => ({
      type: (inForce && allowed[code] ? 'permit' : 'deny') satisfies FhirProvisionType,
      action: actions(CHOICE_ACTIONS[code]),
      code: [concept(FHIR_SYSTEMS.gmdbConsentChoice, code, CONSENT_CHOICE_DISPLAY[code])],
    }),
  );
  const end = consent.state === 'withdrawn' ? consent.withdrawnAt : consent.state === 'rejected' ? consent.createdAt : undefined;
  return {
    type: inForce ? 'permit' : 'deny',
    period: { start: consent.effectiveFrom, ...(end ? { end } : {}) },
    action: actions(['collect', 'use']),
    purpose: [{ system: FHIR_SYSTEMS.actReason, code: 'HRESCH', display: 'healthcare research' }],
    code: [{ coding: [DUO_HMB] }],
    provision: nested,
  };
}

function performerOf(consent: ConsentRecord): FhirReference[] | undefined {
  if (!consent.signer) return undefined;
  const self = consent.signer.relation === 'self';
  return [
    {
      type: self ? 'Patient' : 'RelatedPerson',
      ...(self ? { reference: `Patient/${consent.caseId}` } : {}),
      display: `${consent.signer.name} (${consent.signer.relation})`,
    },
  ];
}

/**
 * One consent version as an HL7 FHIR R4 Consent (the case's consent is the resource, its
 * version the resource version: `Consent/<seriesId>/_history/<version>`): status (active / inactive after a withdrawal /
 * rejected), scope research, category LOINC 59284-0 and consentcategorycodes#research, the
 * patient (the GMDB case), the policy (the template version and language the signer saw), and
 * a root provision (permit while in force, deny after) with one nested provision per choice.
 */
export function toFhirConsent(consent: ConsentRecord, extras: FhirConsentExtras = {}): FhirConsent {
  return {
    resourceType: 'Consent',
    id: consent.seriesId,
    meta: { versionId: String(consent.version), lastUpdated: consent.createdAt },
    identifier: [{ system: FHIR_SYSTEMS.gmdbConsent, value: consent.seriesId }],
    status: STATUS[consent.state],
    scope: concept(FHIR_SYSTEMS.consentScope, 'research', 'Research'),
    category: [
      concept(FHIR_SYSTEMS.loinc, '59284-0', 'Patient Consent'),
      concept(FHIR_SYSTEMS.consentCategory, 'research', 'Research Information Access'),
    ],
    patient: { reference: `Patient/${consent.caseId}`, identifier: { system: FHIR_SYSTEMS.gmdbCase, value: consent.caseId } },
    dateTime: consent.createdAt,
    ...(performerOf(consent) ? { performer: performerOf(consent) } : {}),
    ...(consent.institutionId ? { organization: [{ identifier: { system: FHIR_SYSTEMS.gmdbInstitution, value: consent.institutionId } }] } : {}),
    ...(extras.source ? { sourceAttachment: extras.source } : {}),
    policy: [{ uri: `${GMDB_CONSENT_POLICY_BASE}/${encodeURIComponent(consent.templateVersion)}/${consent.language}` }],
    ...(consent.method === 'paper' ? { verification: [{ verified: true, verificationDate: consent.createdAt }] } : {}),
    provision: provisionOf(consent),
  };
}
