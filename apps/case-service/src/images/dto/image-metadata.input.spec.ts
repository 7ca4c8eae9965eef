import { ErrorCode } from '@gmdb/domain';
import { parseImageMetadata } from './image-metadata.input';

describe('parseImageMetadata', () => {
  it('normalises modality and age (multipart strings or JSON objects)', () => {
    expect(parseImageMetadata({ modality: 'X-ray', ageAtCapture: 'P1Y14M' })).toEqual({ modality: 'x-ray', ageAtCapture: expect.objectContaining({ iso: 'P2Y2M' }) });
    expect(parseImageMetadata({ modality: 'portrait', ageAtCapture: { months: 3 } }).ageAtCapture?.iso).toBe('P3M');
    expect(parseImageMetadata({ modality: 'mri' })).toEqual({ modality: 'mri' });
  });
  it('reports every bad field with its path', () => {
    try {
      parseImageMetadata({ ageAtCapture: 'soon', caseId: 'x' });
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
      const issues = (e as { details: { issues: { path: string; code: string }[] } }).details.issues;
      expect(issues.map((i) => [i.path, i.code]).sort()).toEqual([
        ['ageAtCapture', 'INVALID_FORMAT'],
        ['caseId', 'UNKNOWN_FIELD'],
        ['modality', 'REQUIRED'],
      ]);
    }
  });
});
