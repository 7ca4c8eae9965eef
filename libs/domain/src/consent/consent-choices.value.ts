import { IssueCode, Validator, booleanValue, enumValue, fail, objectOf } from '../validation';

/** Languages a consent form is published in. A new language is a new translation of the same version. */
export const CONSENT_LANGUAGES = ['de', 'en'] as const;
export type ConsentLanguage = (typeof CONSENT_LANGUAGES)[number];

/**
 * How the photos and data may be kept: `fair` (shared with registered users and approved
 * researchers, GMDB-FAIR), `ai-training-only` (GMDB-private: training the AI and the gallery
 * index only, never shown) or `declined` (no use at all; only when signing, it is recorded as a
 * rejected consent).
 */
export const CONSENT_DATA_USES = ['fair', 'ai-training-only', 'declined'] as const;
export type ConsentDataUse = (typeof CONSENT_DATA_USES)[number];

/** The choices of one consent, as the signer made them. */
export interface ConsentChoices {
  dataUse: ConsentDataUse;
  /** Photos may be shown in scientific presentations. */
  presentations: boolean;
  /** Photos may be used in teaching (students, clinicians in training). */
  teaching: boolean;
  /** Photos may appear in publications in other journals than GMDB's own micro-publications. */
  otherJournals: boolean;
  /** The responsible clinician may be contacted when another case matches (matchmaking). */
  matchmakingContact: boolean;
}

/** The keys of the choices a template explains, in form order. */
export const CONSENT_CHOICE_KEYS = [
  'ai-training-only',
  'fair-sharing',
  'presentations',
  'teaching',
  'other-journals',
  'matchmaking-contact',
] as const;
export type ConsentChoiceKey = (typeof CONSENT_CHOICE_KEYS)[number];

/** Whether each choice key is granted by these choices. */
export function grantedChoices(choices: ConsentChoices): Record<ConsentChoiceKey, boolean> {
  return {
    'ai-training-only': choices.dataUse === 'ai-training-only',
    'fair-sharing': choices.dataUse === 'fair',
    presentations: choices.presentations,
    teaching: choices.teaching,
    'other-journals': choices.otherJournals,
    'matchmaking-contact': choices.matchmakingContact,
  };
}

export const validateConsentLanguage: Validator<ConsentLanguage> = enumValue(CONSENT_LANGUAGES);

const dataUse = enumValue(CONSENT_DATA_USES);

function choicesValidator(allowDeclined: boolean): Validator<ConsentChoices> {
  const dataUseRule: Validator<ConsentDataUse> = (input, path) => {
    const result = dataUse(input, path);
    if (result.ok && result.value === 'declined' && !allowDeclined) {
      return fail(path, IssueCode.UNKNOWN_VALUE, 'To stop every use of the data, withdraw the consent instead');
    }
    return result;
  };
  return objectOf((r) => {
    const value = {
      dataUse: r.required('dataUse', dataUseRule),
      presentations: r.required('presentations', booleanValue),
      teaching: r.required('teaching', booleanValue),
      otherJournals: r.required('otherJournals', booleanValue),
      matchmakingContact: r.required('matchmakingContact', booleanValue),
    };
    if (Object.values(value).some((v) => v === undefined)) return undefined;
    return value as ConsentChoices;
  });
}

/** The choices at signing (online or on paper): `declined` is allowed and records a refusal. */
export const validateSigningChoices: Validator<ConsentChoices> = choicesValidator(true);

/** The choices of a change by the patient: `declined` is refused (that is a withdrawal). */
export const validateChangedChoices: Validator<ConsentChoices> = choicesValidator(false);

/** Nothing granted beyond storage: what a refusal or withdrawal leaves. */
export function noChoices(dataUseValue: ConsentDataUse = 'declined'): ConsentChoices {
  return { dataUse: dataUseValue, presentations: false, teaching: false, otherJournals: false, matchmakingContact: false };
}

