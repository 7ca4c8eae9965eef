import {
  IssueCode,
  ObjectReader,
  Validator,
  fail,
  valid,
  arrayOf,
  enumValue,
  integerValue,
  objectOf,
  stringValue,
} from '../validation';
import { FaceBox, PayloadOf } from './messages';
import { EventName, JobName, MessageName } from './names';

const id = stringValue({ maxLength: 200 });
const ids = arrayOf(id, { maxItems: 10_000 });
const text = stringValue({ maxLength: 2000 });
const accessLevel = enumValue(['private', 'fair', 'withdrawn'] as const);
const outcome = enumValue(['done', 'failed'] as const);
const finite: Validator<number> = (input, path) =>
  typeof input === 'number' && Number.isFinite(input) ? valid(input) : fail(path, IssueCode.INVALID_TYPE, 'Expected a finite number');
/** Label permutations of a cohort comparison (the worker's cap). */
export const MAX_COHORT_PERMUTATIONS = 10_000;
const permutationCount = integerValue({ min: 1, max: MAX_COHORT_PERMUTATIONS });
const slotCount: Validator<3 | 12> = (input, path) =>
  input === 3 || input === 12 ? valid(input) : fail(path, IssueCode.UNKNOWN_VALUE, 'Must be 3 or 12');

const faceBox: Validator<FaceBox> = objectOf((r) => {
  const [x, y, width, height, score] = (['x', 'y', 'width', 'height', 'score'] as const).map((k) => r.required(k, finite));
  if ([x, y, width, height, score].some((v) => v === undefined)) return undefined;
  return { x, y, width, height, score } as FaceBox;
});

/** Drops keys whose value is undefined, so optional fields that were absent stay absent. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A payload reader: reads every field (required ones may come back undefined only with an issue). */
function payload<T extends object>(read: (r: ObjectReader) => Partial<T>, required: readonly (keyof T)[]): Validator<T> {
  return objectOf((r) => {
    const value = read(r);
    return required.every((k) => value[k] !== undefined) ? compact(value as T) : undefined;
  });
}

type PayloadValidators = { [N in MessageName]: Validator<PayloadOf<N>> };

/** One payload validator per message name; unknown payload fields are refused. */
export const PAYLOAD_VALIDATORS: PayloadValidators = {
  [JobName.EncodeImage]: payload(
    (r) => ({ imageId: r.required('imageId', id), caseId: r.required('caseId', id), objectKey: r.required('objectKey', id) }),
    ['imageId', 'caseId', 'objectKey'],
  ),
  [JobName.AnalyzePhoto]: payload(
    (r) => ({
      analysisId: r.required('analysisId', id),
      objectKey: r.required('objectKey', id),
      slots: r.optional('slots', slotCount),
    }),
    ['analysisId', 'objectKey'],
  ),
  [JobName.RemoveEmbeddings]: (input, path) => {
    const result = payload<PayloadOf<JobName.RemoveEmbeddings>>((r) => ({ imageIds: r.optional('imageIds', ids), caseId: r.optional('caseId', id) }), [])(input, path);
    if (result.ok && result.value.imageIds === undefined && result.value.caseId === undefined) {
      return fail(path, IssueCode.REQUIRED, 'Give imageIds or caseId');
    }
    return result;
  },
  [JobName.Reindex]: payload((r) => ({ reason: r.required('reason', text) }), ['reason']),
  [JobName.EraseCasePhotos]: payload((r) => ({ caseId: r.required('caseId', id), consentId: r.required('consentId', id) }), ['caseId', 'consentId']),
  [JobName.CompareCohorts]: payload(
    (r) => ({
      comparisonId: r.required('comparisonId', id),
      imageIdsA: r.required('imageIdsA', ids),
      imageIdsB: r.required('imageIdsB', ids),
      permutations: r.required('permutations', permutationCount),
    }),
    ['comparisonId', 'imageIdsA', 'imageIdsB', 'permutations'],
  ),
  [EventName.ImageEncoded]: payload(
    (r) => ({
      imageId: r.required('imageId', id),
      caseId: r.required('caseId', id),
      status: r.required('status', outcome),
      errorCode: r.optional('errorCode', id),
      faces: r.optional('faces', arrayOf(faceBox, { maxItems: 100 })),
      cropKey: r.optional('cropKey', id),
      modelVersion: r.optional('modelVersion', id),
    }),
    ['imageId', 'caseId', 'status'],
  ),
  [EventName.ImageDeleted]: payload((r) => ({ imageId: r.required('imageId', id), caseId: r.required('caseId', id) }), ['imageId', 'caseId']),
  [EventName.CaseGalleryChanged]: payload(
    (r) => ({
      caseId: r.required('caseId', id),
      accessLevel: r.required('accessLevel', accessLevel),
      disorderIds: r.required('disorderIds', ids),
      geneSymbols: r.required('geneSymbols', ids),
      imageIds: r.required('imageIds', ids),
    }),
    ['caseId', 'accessLevel', 'disorderIds', 'geneSymbols', 'imageIds'],
  ),
  [EventName.CaseDeleted]: payload((r) => ({ caseId: r.required('caseId', id) }), ['caseId']),
  [EventName.CaseRegistered]: payload(
    (r) => ({ caseId: r.required('caseId', id), institutionId: r.required('institutionId', id), clinicians: r.required('clinicians', arrayOf(id, { maxItems: 100 })) }),
    ['caseId', 'institutionId', 'clinicians'],
  ),
  [EventName.ConsentChanged]: payload(
    (r) => ({
      caseId: r.required('caseId', id),
      consentId: r.required('consentId', id),
      version: r.required('version', integerValue({ min: 1 })),
      accessLevel: r.required('accessLevel', accessLevel),
      steward: r.optional('steward', id),
      stewardInstitution: r.optional('stewardInstitution', id),
    }),
    ['caseId', 'consentId', 'version', 'accessLevel'],
  ),
  [EventName.AnalysisCompleted]: payload(
    (r) => ({
      analysisId: r.required('analysisId', id),
      status: r.required('status', outcome),
      errorCode: r.optional('errorCode', id),
      resultKey: r.optional('resultKey', id),
    }),
    ['analysisId', 'status'],
  ),
  [EventName.PublicationChanged]: payload(
    (r) => ({ publicationId: r.required('publicationId', id), caseId: r.required('caseId', id), state: r.required('state', id) }),
    ['publicationId', 'caseId', 'state'],
  ),
  [EventName.CohortComparisonCompleted]: payload(
    (r) => ({
      comparisonId: r.required('comparisonId', id),
      status: r.required('status', outcome),
      errorCode: r.optional('errorCode', id),
      resultKey: r.optional('resultKey', id),
    }),
    ['comparisonId', 'status'],
  ),
};
