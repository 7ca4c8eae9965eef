import {
  type FieldIssue,
  IssueCode,
  MAX_COHORT_PERMUTATIONS,
  arrayOf,
  integerValue,
  issue,
  joinPath,
  objectOf,
  stringValue,
  unwrapValid,
} from '@gmdb/domain';

/** The most cases one set of a comparison may name. */
export const MAX_COHORT_CASES = 500;
export const DEFAULT_COHORT_PERMUTATIONS = 1000;

/** `POST /api/v1/cohort-comparisons`: two sets of case ids and the permutations of the test. */
export interface CohortComparisonRequest {
  caseIdsA: string[];
  caseIdsB: string[];
  permutations: number;
}

const caseIds = arrayOf(stringValue({ maxLength: 200 }), { minItems: 1, maxItems: MAX_COHORT_CASES });

const reader = objectOf<CohortComparisonRequest>((r, issues) => {
  const caseIdsA = r.required('caseIdsA', caseIds);
  const caseIdsB = r.required('caseIdsB', caseIds);
  const permutations = r.optional('permutations', integerValue({ min: 1, max: MAX_COHORT_PERMUTATIONS })) ?? DEFAULT_COHORT_PERMUTATIONS;
  if (!caseIdsA || !caseIdsB) return undefined;
  const found = overlapIssues(caseIdsA, caseIdsB);
  for (const i of found) issues.add(i.path, i.code, i.message);
  return found.length > 0 ? undefined : { caseIdsA, caseIdsB, permutations };
});

/** A case named twice in one set (DUPLICATE), or in both sets (CONFLICT, on its place in B). */
function overlapIssues(a: readonly string[], b: readonly string[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  const seen = (ids: readonly string[], field: string) => {
    const set = new Set<string>();
    ids.forEach((id, i) => {
      if (set.has(id)) out.push(issue(joinPath(field, i), IssueCode.DUPLICATE, 'This case is already in the set'));
      set.add(id);
    });
    return set;
  };
  const inA = seen(a, 'caseIdsA');
  seen(b, 'caseIdsB');
  b.forEach((id, i) => {
    if (inA.has(id)) out.push(issue(joinPath('caseIdsB', i), IssueCode.CONFLICT, 'This case is also in caseIdsA'));
  });
  return out;
}

/** Validates the body; throws VALIDATION_FAILED (422) with field paths. */
export function parseCohortComparisonRequest(body: unknown): CohortComparisonRequest {
  return unwrapValid(reader(body, ''));
}
