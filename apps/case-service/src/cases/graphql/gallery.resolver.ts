import type { Principal } from '@gmdb/domain';
import { AllowAnonymous, CurrentPrincipal, RequireRoles, RequireScopes } from '@gmdb/platform';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { CASE_READER_ROLES, CASES_READ_SCOPE } from '../case-api.roles';
import { encodeCaseCursor } from '../case-cursor';
import { CaseQueryService } from '../case-query.service';
import { parseCaseSearch } from '../case-search.query';
import type { CaseModel } from '../models/case.model';
import type { PublicStatisticsModel } from '../models/public.model';

export interface CaseConnection {
  edges: { cursor: string; node: CaseModel }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** `case`, `gallery` and `statistics`: every case returned passed the access policy. */
@Resolver()
export class GalleryResolver {
  constructor(private readonly reads: CaseQueryService) {}

  @Query('case')
  @RequireRoles(...CASE_READER_ROLES)
  @RequireScopes(CASES_READ_SCOPE)
  case(@CurrentPrincipal() principal: Principal, @Args('id') id: string): Promise<CaseModel | null> {
    return this.reads.find(principal, id);
  }

  @Query('gallery')
  @RequireRoles(...CASE_READER_ROLES)
  @RequireScopes(CASES_READ_SCOPE)
  async gallery(
    @CurrentPrincipal() principal: Principal,
    @Args('filter') filter: Record<string, unknown> | null,
    @Args('first') first: number | null,
    @Args('after') after: string | null,
  ): Promise<CaseConnection> {
    const query = parseCaseSearch({ ...withoutNulls(filter ?? {}), first, after }, 'first');
    const page = await this.reads.search(principal, query);
    const edges = page.items.map((node) => ({ cursor: encodeCaseCursor({ createdAt: new Date(node.createdAt), id: node.id }), node }));
    return { edges, pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor ?? edges[edges.length - 1]?.cursor ?? null } };
  }

  @Query('statistics')
  @AllowAnonymous()
  statistics(): Promise<PublicStatisticsModel> {
    return this.reads.statistics();
  }
}

function withoutNulls(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined));
}
