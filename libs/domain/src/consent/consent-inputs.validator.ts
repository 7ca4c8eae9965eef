import { ValidationResult, Validator, objectOf, stringValue } from '../validation';
import { ConsentChoices, ConsentLanguage, validateChangedChoices, validateConsentLanguage, validateSigningChoices } from './consent-choices.value';
import { OnlineSignerInput, PaperSignerInput, validateOnlineSigner, validatePaperSigner } from './consent-signer.value';
import { validateTemplateVersion } from './consent-template.types';

/** `POST /invitations/:token/sign`: the form's language (default: the invitation's), choices, signer. */
export interface SignConsentInput {
  language?: ConsentLanguage;
  choices: ConsentChoices;
  signer: OnlineSignerInput;
}

/** The patient changes their choices (signing again, online). */
export interface ChangeConsentInput {
  choices: ConsentChoices;
  signer: OnlineSignerInput;
}

/** The clinician records a paper form (the scan travels beside this, as a file). */
export interface PaperConsentInput {
  templateVersion: string;
  language: ConsentLanguage;
  choices: ConsentChoices;
  signer: PaperSignerInput;
}

export interface WithdrawConsentInput {
  reason?: string;
}

export interface InviteToConsentInput {
  caseId: string;
  language: ConsentLanguage;
  templateVersion?: string;
  email?: string;
}

const caseId = stringValue({ maxLength: 64, pattern: /^[A-Za-z0-9][A-Za-z0-9._:-]*$/, patternHint: 'a case id (letters, digits, . _ : -)' });
const email = stringValue({ maxLength: 254, pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, patternHint: 'an e-mail address' });
const reason = stringValue({ maxLength: 2000 });

/** A case id as it appears in paths and inputs. */
export const validateCaseId: Validator<string> = caseId;

function complete<T extends object>(value: Partial<T>, required: (keyof T)[]): T | undefined {
  return required.every((k) => value[k] !== undefined) ? (value as T) : undefined;
}

const signConsent: Validator<SignConsentInput> = objectOf((r) =>
  complete<SignConsentInput>(
    {
      language: r.optional('language', validateConsentLanguage),
      choices: r.required('choices', validateSigningChoices),
      signer: r.required('signer', validateOnlineSigner),
    },
    ['choices', 'signer'],
  ),
);

const changeConsent: Validator<ChangeConsentInput> = objectOf((r) =>
  complete<ChangeConsentInput>(
    { choices: r.required('choices', validateChangedChoices), signer: r.required('signer', validateOnlineSigner) },
    ['choices', 'signer'],
  ),
);

const paperConsent: Validator<PaperConsentInput> = objectOf((r) =>
  complete<PaperConsentInput>(
    {
      templateVersion: r.required('templateVersion', validateTemplateVersion),
      language: r.required('language', validateConsentLanguage),
      choices: r.required('choices', validateSigningChoices),
      signer: r.required('signer', validatePaperSigner),
    },
    ['templateVersion', 'language', 'choices', 'signer'],
  ),
);

const withdrawConsent: Validator<WithdrawConsentInput> = objectOf((r) => {
  const value = r.optional('reason', reason);
  return value === undefined ? {} : { reason: value };
});

const invite: Validator<InviteToConsentInput> = objectOf((r) => {
  const value = complete<InviteToConsentInput>(
    {
      caseId: r.required('caseId', caseId),
      language: r.required('language', validateConsentLanguage),
      templateVersion: r.optional('templateVersion', validateTemplateVersion),
      email: r.optional('email', email),
    },
    ['caseId', 'language'],
  );
  if (!value) return undefined;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as unknown as InviteToConsentInput;
});

export const validateSignConsentInput = (input: unknown): ValidationResult<SignConsentInput> => signConsent(input, '');
export const validateChangeConsentInput = (input: unknown): ValidationResult<ChangeConsentInput> => changeConsent(input, '');
export const validatePaperConsentInput = (input: unknown): ValidationResult<PaperConsentInput> => paperConsent(input, '');
export const validateWithdrawConsentInput = (input: unknown): ValidationResult<WithdrawConsentInput> =>
  withdrawConsent(input ?? {}, '');
export const validateInviteToConsentInput = (input: unknown): ValidationResult<InviteToConsentInput> => invite(input, '');
