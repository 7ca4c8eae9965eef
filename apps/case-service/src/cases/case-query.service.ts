import { Injectable } from '@nestjs/common';
import { ANCESTRY_GROUPS, type AncestryGroup, DataKind, type Principal, decideAccess, filterAccessible } from '@gmdb/domain';
import { accessDeniedError, caseNotFound, caseResourceOf } from './case-access.service';
import { decodeCaseCursor, encodeCaseCursor } from './case-cursor';
import { CaseImageDirectory } from './case-images.port';
import { toCaseModel } from './case.mapper';
import { CaseRepository, type CaseSearchFilter, type CaseSearchPosition, type CaseSearchScope } from './case.repository';
import type { CaseEntity } from './entities/case.entity';
import type { CaseModel, CasePageModel } from './models/case.model';
import type { CaseLandingModel, PublicStatisticsModel } from './models/public.model';

/** A gallery / list query: filters, the photo modality, and the page. */
export interface CaseQuery {
  filter: CaseSearchFilter;
  modality?: string;
  after?: string | null;
  limit: number;
}

/** Reads of cases. Every path runs the access policy on each case it returns. */
@Injectable()
export class CaseQueryService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly images: CaseImageDirectory,
  ) {}

  async get(principal: Principal, caseId: string): Promise<CaseModel> {
    const entity = await this.cases.findFull(caseId);
    if (!entity) throw caseNotFound();
    const decision = decideAccess(principal, DataKind.CaseRecord, caseResourceOf(entity));
    if (!decision.allowed) throw accessDeniedError(principal, decision);
    return toCaseModel(entity);
  }

  /** Like `get`, but null for a missing or hidden case (GraphQL). Other denials still throw. */
  async find(principal: Principal, caseId: string): Promise<CaseModel | null> {
    const entity = await this.cases.findFull(caseId);
    if (!entity) return null;
    const decision = decideAccess(principal, DataKind.CaseRecord, caseResourceOf(entity));
    if (decision.allowed) return toCaseModel(entity);
    if (decision.hide) return null;
    throw accessDeniedError(principal, decision);
  }

  /** Newest first; a page holds only cases the policy lets `principal` read. */
  async search(principal: Principal, query: CaseQuery): Promise<CasePageModel> {
    const scope = scopeOf(principal);
    if (!scope) return { items: [], nextCursor: null };
    const accepted: CaseEntity[] = [];
    const batchSize = Math.max(query.limit + 1, 50);
    let position: CaseSearchPosition | undefined = decodeCaseCursor(query.after);
    while (accepted.length <= query.limit) {
      const batch = await this.cases.searchIds(scope, query.filter, position, batchSize);
      if (batch.length === 0) break;
      let ids = batch.map((r) => r.id);
      if (query.modality) {
        const keep = await this.images.withModality(ids, query.modality);
        ids = ids.filter((id) => keep.has(id));
      }
      const entities = await this.cases.findFullMany(ids);
      accepted.push(...filterAccessible(principal, DataKind.CaseRecord, entities, caseResourceOf));
      position = batch[batch.length - 1];
      if (batch.length < batchSize) break;
    }
    const page = accepted.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toCaseModel),
      nextCursor: accepted.length > query.limit && last ? encodeCaseCursor(last) : null,
    };
  }

  /** Public counts over FAIR cases. */
  async statistics(): Promise<PublicStatisticsModel> {
    const counts = await this.cases.fairCounts();
    const perCase = await this.images.countByCase(counts.caseIds);
    let images = 0;
    for (const n of perCase.values()) images += n;
    return {
      patients: counts.patients,
      images,
      disorders: counts.disorders,
      genes: counts.genes,
      byAncestry: counts.byAncestry.map((a) => {
        const known = ANCESTRY_GROUPS[a.group as AncestryGroup];
        return { group: a.group, hancestroId: known?.hancestroId ?? '', label: known?.label ?? a.group, patients: a.patients };
      }),
    };
  }

  /** The public landing data; a private, withdrawn or missing case is the same CASE_NOT_FOUND. */
  async landing(principal: Principal, caseId: string): Promise<CaseLandingModel> {
    const entity = await this.cases.findFull(caseId);
    if (!entity) throw caseNotFound();
    const decision = decideAccess(principal, DataKind.CaseLanding, caseResourceOf(entity));
    if (!decision.allowed) throw accessDeniedError(principal, { hide: true });
    const model = toCaseModel(entity);
    const counts = await this.images.countByCase([caseId]);
    return {
      caseId,
      imageCount: counts.get(caseId) ?? 0,
      sex: model.sex,
      ancestry: model.ancestry.map((a) => a.group),
      genes: model.genes.map((g) => g.symbol),
      title: null,
      abstract: null,
      citation: null,
    };
  }
}

/** The superset of cases a principal might read (the policy then decides case by case). */
function scopeOf(principal: Principal): CaseSearchScope | null {
  switch (principal.kind) {
    case 'anonymous':
      return null;
    case 'institution':
      return { kind: 'institution', institutionId: principal.institutionId };
    case 'researcher-token':
      return { kind: 'viewer', caseIds: [], fairOnly: true };
    case 'user':
      return { kind: 'viewer', subject: principal.subject, caseIds: principal.caseIds ?? [], fairOnly: false };
  }
}
