import type { Principal } from '@gmdb/domain';
import { CurrentPrincipal, RequireRoles, RequireScopes } from '@gmdb/platform';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CASE_EDITOR_ROLES, CASES_WRITE_SCOPE } from '../case-api.roles';
import { CaseInputPipe, CasePatchPipe } from '../case-input.pipes';
import { type UpsertResult, CaseWriteService } from '../case-write.service';
import type { CaseModel } from '../models/case.model';

/** Curators, clinicians (and API keys with cases:write) create and edit cases. */
@Resolver()
export class CaseMutationResolver {
  constructor(
    private readonly writes: CaseWriteService,
    private readonly inputs: CaseInputPipe,
    private readonly patches: CasePatchPipe,
  ) {}

  @Mutation('createCase')
  @RequireRoles(...CASE_EDITOR_ROLES)
  @RequireScopes(CASES_WRITE_SCOPE)
  createCase(@CurrentPrincipal() principal: Principal, @Args('input') input: Record<string, unknown>): Promise<UpsertResult> {
    return this.writes.upsert(principal, this.inputs.transform(toJson(input)));
  }

  @Mutation('updateCase')
  @RequireRoles(...CASE_EDITOR_ROLES)
  @RequireScopes(CASES_WRITE_SCOPE)
  updateCase(@CurrentPrincipal() principal: Principal, @Args('id') id: string, @Args('patch') patch: Record<string, unknown>): Promise<CaseModel> {
    return this.writes.patch(principal, id, this.patches.transform(toJson(patch)));
  }
}

/**
 * GraphQL gives omitted input fields as absent and explicit nulls as null, like JSON; nested
 * objects may lack Object.prototype. A JSON round trip hands the validators plain objects.
 */
function toJson(input: Record<string, unknown>): unknown {
  return JSON.parse(JSON.stringify(input)) as unknown;
}
