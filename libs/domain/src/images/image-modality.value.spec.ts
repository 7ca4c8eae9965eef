import { IssueCode } from '../validation';
import { ImageModality, validateImageModality } from './image-modality.value';

describe('validateImageModality', () => {
  it.each([
    ['portrait', ImageModality.Portrait],
    ['MRI', ImageModality.Mri],
    ['X-ray', ImageModality.XRay],
    ['xray', ImageModality.XRay],
    ['fundoscopy', ImageModality.Fundoscopy],
    ['extremity', ImageModality.Extremity],
    ['other', ImageModality.Other],
  ])('accepts %p', (input, value) => expect(validateImageModality(input)).toEqual({ ok: true, value }));
  it.each(['ct', 'selfie', ''])('refuses %p', (input) => {
    expect(validateImageModality(input, 'm')).toMatchObject({ ok: false, issues: [{ path: 'm', code: IssueCode.UNKNOWN_VALUE }] });
  });
  it('refuses non-strings', () => expect(validateImageModality(1)).toMatchObject({ ok: false, issues: [{ code: IssueCode.INVALID_TYPE }] }));
});
