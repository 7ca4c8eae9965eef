import { parseAnalysisRequest } from './analysis-request.input';

describe('parseAnalysisRequest', () => {
  it('defaults to 3 slots and takes 3 or 12 as number or text', () => {
    expect(parseAnalysisRequest({})).toEqual({ slots: 3 });
    expect(parseAnalysisRequest({ slots: '12' })).toEqual({ slots: 12 });
    expect(parseAnalysisRequest({ slots: 12 })).toEqual({ slots: 12 });
  });
  it.each([{ slots: '4' }, { slots: 'twelve' }, { slots: 3.5 }, { modality: 'portrait' }])('refuses %p', (fields) => {
    expect(() => parseAnalysisRequest(fields)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
