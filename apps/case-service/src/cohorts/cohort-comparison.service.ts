import { Outbox } from '@gmdb/platform';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  CaseAccessLevel,
  DataKind,
  DomainError,
  ErrorCode,
  type FieldIssue,
  IssueCode,
  JobName,
  type Principal,
  decideAccess,
  issue,
  joinPath,
} from '@gmdb/domain';
import { CohortCasesRepository } from './cohort-cases.repository';
import { type CohortComparisonResult, parseCohortComparisonResult } from './cohort-comparison-result';
import { CohortComparisonEntity } from './cohort-comparison.entity';
import { CohortComparisonRepository } from './cohort-comparison.repository';
import { type CohortComparisonRequest, parseCohortComparisonRequest } from './dto/cohort-comparison-request.input';

/**
 * The most portrait photos one set may bring. The worker holds the full pairwise matrix
 * ((a + b)² float64: 32 MB at 2 × 1000) and walks it once per permutation, so this bounds its
 * memory and time (seconds at 1000 permutations).
 */
export const MAX_COHORT_IMAGES = 1000;

export const cohortComparisonNotFound = (): DomainError => new DomainError(ErrorCode.COHORT_COMPARISON_NOT_FOUND, 'No such cohort comparison');

/**
 * Cohort comparisons: a signed-in registered user names two sets of cases; every case must be
 * FAIR and readable by them under the access policy (a missing, private or withdrawn id is one
 * and the same COHORT_CASE_UNAVAILABLE issue at its field path, so nothing is revealed). The
 * portrait photos of the cases go to the worker as a `compare-cohorts` job, written with the
 * comparison row in one transaction. Only the owner reads it; others get 404 like a missing one.
 */
@Injectable()
export class CohortComparisonService {
  constructor(
    private readonly comparisons: CohortComparisonRepository,
    private readonly cases: CohortCasesRepository,
    private readonly outbox: Outbox,
  ) {}

  async create(principal: Principal, body: unknown): Promise<CohortComparisonEntity> {
    const owner = assertMayCompare(principal);
    const request = parseCohortComparisonRequest(body);
    await this.assertAllFair(principal, request);
    const imageIdsA = await this.cases.portraitImageIds(request.caseIdsA);
    const imageIdsB = await this.cases.portraitImageIds(request.caseIdsB);
    const sizeIssues = [...photoCountIssues('caseIdsA', imageIdsA.length), ...photoCountIssues('caseIdsB', imageIdsB.length)];
    if (sizeIssues.length > 0) throw DomainError.validation(sizeIssues);
    const comparison = Object.assign(new CohortComparisonEntity(), {
      id: randomUUID(),
      ownerSubject: owner,
      status: 'queued',
      permutations: request.permutations,
      casesA: request.caseIdsA.length,
      casesB: request.caseIdsB.length,
      imagesA: imageIdsA.length,
      imagesB: imageIdsB.length,
      errorCode: null,
      resultKey: null,
      result: null,
      createdAt: new Date(),
      completedAt: null,
    } satisfies CohortComparisonEntity);
    await this.comparisons.transaction(async (manager) => {
      await this.comparisons.insert(manager, comparison);
      await this.outbox.addIfRouted(
        manager,
        { name: JobName.CompareCohorts, payload: { comparisonId: comparison.id, imageIdsA, imageIdsB, permutations: request.permutations } },
        { jobId: `compare-cohorts-${comparison.id}` },
      );
    });
    return comparison;
  }

  /** The comparison and its result, to its owner only. */
  async get(principal: Principal, id: string): Promise<{ comparison: CohortComparisonEntity; result: CohortComparisonResult | null }> {
    const comparison = await this.comparisons.findById(id);
    if (!comparison || principal.kind !== 'user' || principal.subject !== comparison.ownerSubject) throw cohortComparisonNotFound();
    assertMayCompare(principal);
    return { comparison, result: comparison.result ? parseCohortComparisonResult(comparison.result) : null };
  }

  /** Every case of both sets is FAIR and the caller may read its record; otherwise 422 with every bad path. */
  private async assertAllFair(principal: Principal, request: CohortComparisonRequest): Promise<void> {
    const resources = await this.cases.resourcesOf([...request.caseIdsA, ...request.caseIdsB]);
    const issues: FieldIssue[] = [];
    const check = (field: string, ids: readonly string[]) =>
      ids.forEach((id, i) => {
        const resource = resources.get(id);
        const readable = resource !== undefined && resource.accessLevel === CaseAccessLevel.Fair && decideAccess(principal, DataKind.CaseRecord, resource).allowed;
        if (!readable) issues.push(issue(joinPath(field, i), ErrorCode.COHORT_CASE_UNAVAILABLE, 'No FAIR case you may read has this id'));
      });
    check('caseIdsA', request.caseIdsA);
    check('caseIdsB', request.caseIdsB);
    if (issues.length > 0) throw DomainError.validation(issues);
  }
}

function photoCountIssues(field: string, count: number): FieldIssue[] {
  if (count < 2) return [issue(field, ErrorCode.COHORT_TOO_SMALL, `The cases of this set have ${count} portrait photo(s); at least 2 are needed`)];
  if (count > MAX_COHORT_IMAGES) return [issue(field, IssueCode.OUT_OF_RANGE, `The cases of this set have ${count} portrait photos; at most ${MAX_COHORT_IMAGES}`)];
  return [];
}

/** A signed-in registered user (the policy's analysis audience); returns their subject. */
function assertMayCompare(principal: Principal): string {
  const decision = decideAccess(principal, DataKind.AnalysisRanking);
  if (!decision.allowed || principal.kind !== 'user') {
    throw principal.kind === 'anonymous'
      ? new DomainError(ErrorCode.UNAUTHENTICATED, 'Authentication required')
      : new DomainError(ErrorCode.FORBIDDEN, 'Cohort comparisons are for signed-in registered users');
  }
  return principal.subject;
}
