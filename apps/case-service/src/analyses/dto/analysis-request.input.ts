import { IssueCode, type Validator, fail, objectOf, unwrapValid, valid } from '@gmdb/domain';

/** The fields sent with a photo for analysis (besides the file / `contentBase64`). */
export interface AnalysisRequestInput {
  /** Test-time augmentation slots: 3 (default, no augmentation) or 12 (the paper's ensemble). */
  slots: 3 | 12;
}

/** 3 or 12, as a JSON number or a multipart text field. */
const slotCount: Validator<3 | 12> = (input, path) => {
  const n = typeof input === 'string' && /^\d{1,2}$/.test(input) ? Number(input) : input;
  return n === 3 || n === 12 ? valid(n) : fail(path, IssueCode.UNKNOWN_VALUE, 'Must be 3 or 12');
};

const reader = objectOf<AnalysisRequestInput>((r) => ({ slots: r.optional('slots', slotCount) ?? 3 }));

export function parseAnalysisRequest(fields: Record<string, unknown>): AnalysisRequestInput {
  return unwrapValid(reader(fields, ''));
}
