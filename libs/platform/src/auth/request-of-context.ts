import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { ANONYMOUS, Principal } from '@gmdb/domain';

export type PrincipalRequest = Request & { user?: Principal };

/** The Express request and response behind an HTTP route or a GraphQL resolver. */
export function httpOfContext(context: ExecutionContext): { req?: PrincipalRequest; res?: Response } {
  const type = context.getType<'http' | 'graphql' | 'rpc' | 'ws'>();
  if (type === 'http') {
    const http = context.switchToHttp();
    return { req: http.getRequest<PrincipalRequest>(), res: http.getResponse<Response>() };
  }
  if (type === 'graphql') {
    const gql = GqlExecutionContext.create(context).getContext<{ req?: PrincipalRequest; res?: Response }>();
    return { req: gql.req, res: gql.res ?? (gql.req?.res as Response | undefined) };
  }
  return {};
}

export function principalOfContext(context: ExecutionContext): Principal {
  return httpOfContext(context).req?.user ?? ANONYMOUS;
}
