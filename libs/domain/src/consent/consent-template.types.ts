import { Validator, stringValue } from '../validation';
import { ConsentChoiceKey, ConsentLanguage } from './consent-choices.value';

/** One choice as a form explains it. Choices of the same `exclusiveGroup` are alternatives. */
export interface ConsentTemplateChoice {
  key: ConsentChoiceKey;
  title: string;
  text: string;
  exclusiveGroup?: string;
}

/** One consent form: a version in one language. A signed consent records both. */
export interface ConsentTemplate {
  version: string;
  language: ConsentLanguage;
  title: string;
  introduction: string;
  choices: ConsentTemplateChoice[];
  /** What the signer declares by signing. */
  declaration: string;
  /** How to change or withdraw later, and what withdrawal does. */
  withdrawal: string;
  publishedAt: string;
}

/** A template version: `1`, `1.1`, `2.0.1`. */
export const validateTemplateVersion: Validator<string> = stringValue({
  maxLength: 20,
  pattern: /^\d{1,4}(\.\d{1,4}){0,2}$/,
  patternHint: 'a version such as 1 or 1.1',
});
