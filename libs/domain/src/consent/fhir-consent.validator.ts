import { IssueCode, IssueCollector, ValidationResult, describeType, invalid, isPlainObject, joinPath, valid } from '../validation';
import { FHIR_CONSENT_ACTIONS, FHIR_CONSENT_SCOPES, FHIR_R4_CONSENT_STATUSES, FHIR_SYSTEMS } from './fhir-consent.codes';
import { FhirConsent } from './fhir-consent.types';

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const FHIR_DATE_TIME = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
/** Elements that exist only in R5: a resource mixing them in is neither R4 nor R5. */
const R5_ONLY = ['subject', 'date', 'grantor', 'grantee', 'manager', 'controller', 'decision', 'regulatoryBasis', 'policyBasis', 'policyText'];
const KNOWN_CATEGORY = new Set([`${FHIR_SYSTEMS.loinc}|59284-0`, `${FHIR_SYSTEMS.loinc}|57016-8`, `${FHIR_SYSTEMS.consentCategory}|research`]);

type Json = Record<string, unknown>;

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

class Checker {
  readonly issues = new IssueCollector();
  duoFound = false;

  required(object: Json, key: string, path: string): unknown {
    const value = object[key];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
      this.issues.add(joinPath(path, key), IssueCode.REQUIRED, `Consent.${key} is required`);
      return undefined;
    }
    return value;
  }

  /** A Coding: system and code present; with `allowed`, the code is one of them in `system`. */
  coding(value: unknown, path: string, expected?: { system: string; codes: readonly string[] }): { system: string; code: string } | undefined {
    if (!isPlainObject(value)) {
      this.issues.add(path, IssueCode.INVALID_TYPE, `Expected a Coding, got ${describeType(value)}`);
      return undefined;
    }
    const { system, code } = value;
    if (typeof system !== 'string' || system === '') this.issues.add(joinPath(path, 'system'), IssueCode.REQUIRED, 'A coding needs its system');
    if (typeof code !== 'string' || code === '') this.issues.add(joinPath(path, 'code'), IssueCode.REQUIRED, 'A coding needs its code');
    if (typeof system !== 'string' || typeof code !== 'string') return undefined;
    if (expected && system !== expected.system) {
      this.issues.add(joinPath(path, 'system'), IssueCode.UNKNOWN_VALUE, `Must be ${expected.system}`);
    } else if (expected && !expected.codes.includes(code)) {
      this.issues.add(joinPath(path, 'code'), IssueCode.UNKNOWN_VALUE, `Must be one of: ${expected.codes.join(', ')}`);
    }
    if (system === FHIR_SYSTEMS.duo && /^DUO:\d{7}$/.test(code)) this.duoFound = true;
    return { system, code };
  }

  concept(value: unknown, path: string, expected?: { system: string; codes: readonly string[] }): { system: string; code: string }[] {
    if (!isPlainObject(value)) {
      this.issues.add(path, IssueCode.INVALID_TYPE, `Expected a CodeableConcept, got ${describeType(value)}`);
      return [];
    }
    const codings = list(value['coding']);
    if (codings.length === 0) this.issues.add(joinPath(path, 'coding'), IssueCode.REQUIRED, 'A CodeableConcept needs a coding');
    return codings.flatMap((c, i) => this.coding(c, joinPath(joinPath(path, 'coding'), i), expected) ?? []);
  }

  dateTime(value: unknown, path: string): number | undefined {
    if (typeof value !== 'string' || !FHIR_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
      this.issues.add(path, IssueCode.INVALID_FORMAT, 'Must be a FHIR dateTime, e.g. 2025-01-31T12:00:00Z');
      return undefined;
    }
    return Date.parse(value);
  }

  provision(value: unknown, path: string): void {
    if (!isPlainObject(value)) {
      this.issues.add(path, IssueCode.INVALID_TYPE, `Expected a provision, got ${describeType(value)}`);
      return;
    }
    if (value['type'] !== 'permit' && value['type'] !== 'deny') {
      this.issues.add(joinPath(path, 'type'), value['type'] === undefined ? IssueCode.REQUIRED : IssueCode.UNKNOWN_VALUE, 'Must be permit or deny');
    }
    const period = value['period'];
    if (period !== undefined) {
      const p = isPlainObject(period) ? period : {};
      const start = p['start'] !== undefined ? this.dateTime(p['start'], joinPath(joinPath(path, 'period'), 'start')) : undefined;
      const end = p['end'] !== undefined ? this.dateTime(p['end'], joinPath(joinPath(path, 'period'), 'end')) : undefined;
      if (start !== undefined && end !== undefined && start > end) {
        this.issues.add(joinPath(path, 'period'), IssueCode.CONFLICT, 'The period must not end before it starts');
      }
    }
    const actionExpected = { system: FHIR_SYSTEMS.consentAction, codes: FHIR_CONSENT_ACTIONS };
    list(value['action']).forEach((a, i) => this.concept(a, joinPath(joinPath(path, 'action'), i), actionExpected));
    list(value['purpose']).forEach((c, i) => this.coding(c, joinPath(joinPath(path, 'purpose'), i)));
    list(value['code']).forEach((c, i) => this.concept(c, joinPath(joinPath(path, 'code'), i)));
    list(value['provision']).forEach((p, i) => this.provision(p, joinPath(joinPath(path, 'provision'), i)));
  }
}

/**
 * Structural check of an HL7 FHIR R4 Consent as GMDB exports it: the required elements
 * (status, scope, category, patient, dateTime, policy or policyRule, provision), the R4 status
 * enum without R5 elements mixed in, scope from consentscope, a known category, provision types
 * permit/deny, action codes from consentaction, periods with start <= end, every coding with
 * system and code, and a GA4GH DUO data-use code.
 */
export function validateFhirConsent(input: unknown): ValidationResult<FhirConsent> {
  const check = new Checker();
  if (!isPlainObject(input)) return invalid([{ path: '', code: IssueCode.INVALID_TYPE, message: 'Expected a FHIR resource object' }]);
  if (input['resourceType'] !== 'Consent') check.issues.add('resourceType', IssueCode.UNKNOWN_VALUE, 'Must be Consent');
  if (typeof input['id'] !== 'string' || !FHIR_ID.test(input['id'])) check.issues.add('id', IssueCode.INVALID_FORMAT, 'Must be a FHIR id (1-64 of A-Z a-z 0-9 - .)');
  for (const key of R5_ONLY) {
    if (input[key] !== undefined) check.issues.add(key, IssueCode.UNKNOWN_FIELD, `"${key}" is an R5 element; this is an R4 Consent`);
  }
  const status = check.required(input, 'status', '');
  if (status !== undefined && !(FHIR_R4_CONSENT_STATUSES as readonly unknown[]).includes(status)) {
    check.issues.add('status', IssueCode.UNKNOWN_VALUE, `Must be one of: ${FHIR_R4_CONSENT_STATUSES.join(', ')}`);
  }
  const scope = check.required(input, 'scope', '');
  if (scope !== undefined) check.concept(scope, 'scope', { system: FHIR_SYSTEMS.consentScope, codes: FHIR_CONSENT_SCOPES });
  const categories = check.required(input, 'category', '');
  if (categories !== undefined) {
    const codings = list(categories).flatMap((c, i) => check.concept(c, joinPath('category', i)));
    if (codings.length > 0 && !codings.some((c) => KNOWN_CATEGORY.has(`${c.system}|${c.code}`))) {
      check.issues.add('category', IssueCode.UNKNOWN_VALUE, 'Needs LOINC 59284-0 / 57016-8 or consentcategorycodes#research');
    }
  }
  const patient = check.required(input, 'patient', '');
  if (patient !== undefined && (!isPlainObject(patient) || (patient['reference'] === undefined && patient['identifier'] === undefined))) {
    check.issues.add('patient', IssueCode.REQUIRED, 'The patient needs a reference or an identifier (scope research requires a patient)');
  }
  const dateTime = check.required(input, 'dateTime', '');
  if (dateTime !== undefined) check.dateTime(dateTime, 'dateTime');
  const policies = list(input['policy']);
  if (policies.length === 0 && input['policyRule'] === undefined) {
    check.issues.add('policy', IssueCode.REQUIRED, 'Either policy or policyRule is required (ppc-1)');
  }
  policies.forEach((p, i) => {
    if (!isPlainObject(p) || (typeof p['uri'] !== 'string' && typeof p['authority'] !== 'string')) {
      check.issues.add(joinPath('policy', i), IssueCode.REQUIRED, 'A policy needs a uri or an authority');
    }
  });
  const provision = check.required(input, 'provision', '');
  if (provision !== undefined) {
    check.provision(provision, 'provision');
    if (!check.duoFound) check.issues.add('provision.code', IssueCode.REQUIRED, 'A GA4GH DUO data-use code is required');
  }
  return check.issues.ok ? valid(input as unknown as FhirConsent) : invalid([...check.issues.issues]);
}
