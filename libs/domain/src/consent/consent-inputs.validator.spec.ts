import { IssueCode } from '../validation';
import { TINY_SIGNATURE_PNG } from './consent-record.factory';
import { validateChangeConsentInput, validateInviteToConsentInput, validatePaperConsentInput, validateSignConsentInput } from './consent-inputs.validator';
import { SIGNATURE_MAX_BYTES, decodeBase64 } from './signature-image.value';

const choices = { dataUse: 'fair', presentations: true, teaching: false, otherJournals: false, matchmakingContact: true };
const signer = { name: 'Maria Muster', relation: 'parent', signature: `data:image/png;base64,${TINY_SIGNATURE_PNG}` };
const issuesOf = (r: { ok: boolean; issues?: { path: string; code: string }[] }) => (r.ok ? [] : (r.issues ?? []).map((i) => [i.path, i.code]));

describe('consent input validators', () => {
  it('accepts a complete online signature and decodes the PNG', () => {
    const r = validateSignConsentInput({ language: 'de', choices, signer });
    expect(r.ok).toBe(true);
    if (r.ok) expect([r.value.signer.signature.width, r.value.signer.signature.height]).toEqual([1, 1]);
  });

  it('names every missing signature part with its path', () => {
    expect(issuesOf(validateSignConsentInput({ choices, signer: { name: ' ' } }))).toEqual([
      ['signer.name', IssueCode.REQUIRED],
      ['signer.relation', IssueCode.REQUIRED],
      ['signer.signature', IssueCode.REQUIRED],
    ]);
    expect(issuesOf(validateSignConsentInput({ choices: { dataUse: 'public' }, extra: 1 }))).toEqual([
      ['choices.dataUse', IssueCode.UNKNOWN_VALUE],
      ['choices.presentations', IssueCode.REQUIRED],
      ['choices.teaching', IssueCode.REQUIRED],
      ['choices.otherJournals', IssueCode.REQUIRED],
      ['choices.matchmakingContact', IssueCode.REQUIRED],
      ['signer', IssueCode.REQUIRED],
      ['extra', IssueCode.UNKNOWN_FIELD],
    ]);
  });

  it('refuses images that are not PNG, too large, or not base64', () => {
    const withSignature = (signature: string) => validateSignConsentInput({ choices, signer: { ...signer, signature } });
    expect(issuesOf(withSignature('/9j/4AAQSkZJRgABAQ=='))).toEqual([['signer.signature', IssueCode.INVALID_FORMAT]]);
    expect(issuesOf(withSignature('not base64 !!'))).toEqual([['signer.signature', IssueCode.INVALID_FORMAT]]);
    expect(issuesOf(withSignature('A'.repeat(SIGNATURE_MAX_BYTES * 2)))).toEqual([['signer.signature', IssueCode.OUT_OF_RANGE]]);
    expect(Array.from(decodeBase64('AQID') ?? [])).toEqual([1, 2, 3]);
  });

  it('refuses "declined" in a change (that is a withdrawal) but allows it when signing', () => {
    expect(issuesOf(validateChangeConsentInput({ choices: { ...choices, dataUse: 'declined' }, signer }))).toEqual([
      ['choices.dataUse', IssueCode.UNKNOWN_VALUE],
    ]);
    expect(validateSignConsentInput({ choices: { ...choices, dataUse: 'declined' }, signer }).ok).toBe(true);
  });

  it('checks paper consents and invitations', () => {
    const paper = { templateVersion: '1', language: 'en', choices, signer: { name: 'Max Muster', relation: 'self', signedOn: '2026-01-30' } };
    expect(validatePaperConsentInput(paper).ok).toBe(true);
    expect(issuesOf(validatePaperConsentInput({ ...paper, templateVersion: 'v1', signer: { ...paper.signer, signedOn: '2026-02-31x' } }))).toEqual([
      ['templateVersion', IssueCode.INVALID_FORMAT],
      ['signer.signedOn', IssueCode.INVALID_FORMAT],
    ]);
    expect(validateInviteToConsentInput({ caseId: 'case-1', language: 'de' })).toEqual({ ok: true, value: { caseId: 'case-1', language: 'de' } });
    expect(issuesOf(validateInviteToConsentInput({ caseId: 'a b', language: 'fr', email: 'nope' }))).toEqual([
      ['caseId', IssueCode.INVALID_FORMAT],
      ['language', IssueCode.UNKNOWN_VALUE],
      ['email', IssueCode.INVALID_FORMAT],
    ]);
  });
});
