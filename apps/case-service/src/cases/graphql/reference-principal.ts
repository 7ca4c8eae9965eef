import { Injectable, type Type } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { ANONYMOUS, type Principal } from '@gmdb/domain';
import { GmdbAuthGuard, type PrincipalRequest } from '@gmdb/platform';

/** The GraphQL context of the subgraph: the Express request. */
export interface SubgraphContext {
  req?: PrincipalRequest;
}

/**
 * The caller of a federation reference resolver. `_entities` is Apollo's own root field, so
 * Nest's guard never ran for it: run the same guard here (the method's @AllowAnonymous /
 * @RequireRoles metadata applies) and read the principal it set.
 */
@Injectable()
export class ReferencePrincipal {
  constructor(private readonly guard: GmdbAuthGuard) {}

  async of(context: SubgraphContext, resolverClass: Type, handler: (...args: never[]) => unknown): Promise<Principal> {
    if (context.req?.user) return context.req.user;
    const host = new ExecutionContextHost([undefined, {}, context, undefined], resolverClass, handler);
    host.setType('graphql');
    await this.guard.canActivate(host);
    return context.req?.user ?? ANONYMOUS;
  }
}
