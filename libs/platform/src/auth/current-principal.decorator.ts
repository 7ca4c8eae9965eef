import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Principal } from '@gmdb/domain';
import { principalOfContext } from './request-of-context';

/** The caller as established by the auth guard (anonymous when none), in controllers and resolvers. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => principalOfContext(context),
);
