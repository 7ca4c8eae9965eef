/** Code systems and codes of the FHIR R4 Consent export. */
export const FHIR_SYSTEMS = {
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  consentCategory: 'http://terminology.hl7.org/CodeSystem/consentcategorycodes',
  loinc: 'http://loinc.org',
  consentAction: 'http://terminology.hl7.org/CodeSystem/consentaction',
  actReason: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  duo: 'http://purl.obolibrary.org/obo/duo.owl',
  /** GMDB's own code system for the choices of its consent form. */
  gmdbConsentChoice: 'https://db.gestaltmatcher.org/fhir/CodeSystem/consent-choice',
  gmdbCase: 'https://db.gestaltmatcher.org/fhir/NamingSystem/case-id',
  gmdbConsent: 'https://db.gestaltmatcher.org/fhir/NamingSystem/consent-id',
  gmdbInstitution: 'https://db.gestaltmatcher.org/fhir/NamingSystem/institution-id',
} as const;

export const FHIR_R4_CONSENT_STATUSES = ['draft', 'proposed', 'active', 'rejected', 'inactive', 'entered-in-error'] as const;
export const FHIR_CONSENT_SCOPES = ['adr', 'research', 'patient-privacy', 'treatment'] as const;
export const FHIR_CONSENT_ACTIONS = ['collect', 'access', 'use', 'disclose', 'correct'] as const;

/** Where the published consent form templates live (Consent.policy.uri). */
export const GMDB_CONSENT_POLICY_BASE = 'https://db.gestaltmatcher.org/consent/templates';

/** GA4GH DUO: health or medical or biomedical research (the data-use of GMDB). */
export const DUO_HMB = { system: FHIR_SYSTEMS.duo, code: 'DUO:0000006', display: 'health or medical or biomedical research' };

/** Display names of GMDB's consent choice codes. */
export const CONSENT_CHOICE_DISPLAY = {
  'ai-training': 'Use for training the GestaltMatcher AI and the gallery index',
  'fair-sharing': 'FAIR sharing with registered users and approved researchers (GMDB-FAIR)',
  presentations: 'Use in scientific presentations',
  teaching: 'Use in teaching',
  'other-journals': 'Use in publications in other journals',
  'matchmaking-contact': 'Contact of the responsible clinician for matchmaking',
} as const;
