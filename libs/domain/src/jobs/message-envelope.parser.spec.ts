import { IssueCode } from '../validation';
import { parseMessageEnvelope } from './message-envelope.parser';
import { PAYLOAD_VALIDATORS } from './message-payloads';
import { ALL_EVENT_NAMES, ALL_JOB_NAMES, EventName, JobName } from './names';

const envelope = (name: string, payload: unknown, extra: Record<string, unknown> = {}) => ({
  id: 'evt-1',
  name,
  payload,
  occurredAt: '2025-01-31T12:00:00Z',
  ...extra,
});

const issuesOf = (input: unknown) => {
  const r = parseMessageEnvelope(input);
  return r.ok ? [] : r.issues.map((i) => [i.path, i.code]);
};

describe('parseMessageEnvelope', () => {
  it('has a payload validator for every job and event', () => {
    expect(Object.keys(PAYLOAD_VALIDATORS).sort()).toEqual([...ALL_JOB_NAMES, ...ALL_EVENT_NAMES].sort());
  });

  it.each([
    [JobName.EncodeImage, { imageId: 'i1', caseId: 'c1', objectKey: 'cases/c1/i1.jpg' }],
    [JobName.AnalyzePhoto, { analysisId: 'a1', objectKey: 'analyses/a1.jpg', slots: 12 }],
    [JobName.RemoveEmbeddings, { caseId: 'c1' }],
    [JobName.RemoveEmbeddings, { imageIds: ['i1', 'i2'] }],
    [JobName.Reindex, { reason: 'model changed' }],
    [JobName.EraseCasePhotos, { caseId: 'c1', consentId: 'k1' }],
    [EventName.ImageEncoded, { imageId: 'i1', caseId: 'c1', status: 'done', faces: [{ x: 1, y: 2, width: 30, height: 40, score: 0.99 }], modelVersion: 'r50' }],
    [EventName.ImageEncoded, { imageId: 'i1', caseId: 'c1', status: 'failed', errorCode: 'IMAGE_NO_FACE' }],
    [EventName.ImageDeleted, { imageId: 'i1', caseId: 'c1' }],
    [EventName.CaseGalleryChanged, { caseId: 'c1', accessLevel: 'fair', disorderIds: ['OMIM:122470'], geneSymbols: ['NIPBL'], imageIds: [] }],
    [EventName.CaseDeleted, { caseId: 'c1' }],
    [EventName.CaseRegistered, { caseId: 'c1', institutionId: 'inst-9', clinicians: ['dr-bonn'] }],
    [EventName.CaseRegistered, { caseId: 'c1', institutionId: 'his-1', clinicians: [] }],
    [EventName.ConsentChanged, { caseId: 'c1', consentId: 'k1', version: 2, accessLevel: 'withdrawn' }],
    [EventName.ConsentChanged, { caseId: 'c1', consentId: 'k1', version: 1, accessLevel: 'fair', steward: 'dr-bonn', stewardInstitution: 'inst-9' }],
    [EventName.AnalysisCompleted, { analysisId: 'a1', status: 'done', resultKey: 'r/a1.json' }],
    [EventName.PublicationChanged, { publicationId: 'p1', caseId: 'c1', state: 'accepted' }],
    [JobName.CompareCohorts, { comparisonId: 'k1', imageIdsA: ['i1', 'i2'], imageIdsB: ['i3', 'i4'], permutations: 1000 }],
    [EventName.CohortComparisonCompleted, { comparisonId: 'k1', status: 'failed', errorCode: 'COHORT_TOO_SMALL' }],
  ])('accepts %s', (name, payload) => {
    expect(parseMessageEnvelope(envelope(name, payload, { correlationId: 'corr-1' }))).toEqual({
      ok: true,
      value: envelope(name, payload, { correlationId: 'corr-1' }),
    });
  });

  it('leaves absent optional fields absent', () => {
    const r = parseMessageEnvelope(envelope(JobName.AnalyzePhoto, { analysisId: 'a1', objectKey: 'k' }));
    expect(r.ok && Object.keys(r.value.payload)).toEqual(['analysisId', 'objectKey']);
    expect(r.ok && 'correlationId' in r.value).toBe(false);
  });

  it('refuses unknown names and non-objects', () => {
    expect(issuesOf(envelope('image.exploded', {}))).toEqual([['name', IssueCode.UNKNOWN_MESSAGE]]);
    expect(issuesOf('encode-image')).toEqual([['', IssueCode.INVALID_TYPE]]);
    expect(issuesOf({ payload: {} })).toEqual([
      ['id', IssueCode.REQUIRED],
      ['occurredAt', IssueCode.REQUIRED],
      ['name', IssueCode.REQUIRED],
    ]);
  });

  it('reports every payload issue with its path', () => {
    expect(issuesOf(envelope(JobName.EncodeImage, { imageId: '', caseId: 3, extra: true }, { occurredAt: 'yesterday', x: 1 }))).toEqual([
      ['occurredAt', IssueCode.INVALID_FORMAT],
      ['payload.imageId', IssueCode.REQUIRED],
      ['payload.caseId', IssueCode.INVALID_TYPE],
      ['payload.objectKey', IssueCode.REQUIRED],
      ['payload.extra', IssueCode.UNKNOWN_FIELD],
      ['x', IssueCode.UNKNOWN_FIELD],
    ]);
  });

  it('checks enums, numbers and nested arrays', () => {
    expect(issuesOf(envelope(JobName.AnalyzePhoto, { analysisId: 'a', objectKey: 'k', slots: 4 }))).toEqual([['payload.slots', IssueCode.UNKNOWN_VALUE]]);
    expect(issuesOf(envelope(EventName.ConsentChanged, { caseId: 'c', consentId: 'k', version: 0, accessLevel: 'public', steward: 7 }))).toEqual([
      ['payload.version', IssueCode.OUT_OF_RANGE],
      ['payload.accessLevel', IssueCode.UNKNOWN_VALUE],
      ['payload.steward', IssueCode.INVALID_TYPE],
    ]);
    expect(issuesOf(envelope(EventName.ImageEncoded, { imageId: 'i', caseId: 'c', status: 'done', faces: [{ x: 1, y: 2, width: 3, height: 'tall', score: 1 }] }))).toEqual([
      ['payload.faces[0].height', IssueCode.INVALID_TYPE],
    ]);
    expect(issuesOf(envelope(JobName.RemoveEmbeddings, {}))).toEqual([['payload', IssueCode.REQUIRED]]);
    expect(issuesOf(envelope(JobName.Reindex, null))).toEqual([['payload', IssueCode.REQUIRED]]);
  });
});
