import type { Principal } from '@gmdb/domain';
import { Role } from '@gmdb/domain';
import { RequestContext } from '@gmdb/platform';
import type { Request } from 'express';

/** Where a request came from, for the audit trail. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
  correlationId: string | null;
}

/** Who did something, as the audit trail records it. */
export interface AuditActor {
  kind: 'patient' | 'clinician' | 'admin' | 'signer' | 'system' | 'user';
  subject: string | null;
  roles: string[];
  origin: RequestOrigin;
}

export function originOf(req: Request | undefined): RequestOrigin {
  const agent = req?.headers['user-agent'];
  return {
    ip: (req?.ip ?? req?.socket?.remoteAddress ?? null)?.slice(0, 64) ?? null,
    userAgent: typeof agent === 'string' ? agent.slice(0, 300) : null,
    correlationId: RequestContext.correlationId() ?? null,
  };
}

/** The actor of a signed-in caller; the role named is the one the action was allowed as. */
export function actorOf(principal: Principal, origin: RequestOrigin, caseId?: string): AuditActor {
  if (principal.kind !== 'user') return { kind: 'system', subject: null, roles: [], origin };
  const roles = [...principal.roles];
  const ownCase = caseId !== undefined && (principal.caseIds ?? []).includes(caseId);
  const kind = principal.roles.includes(Role.Admin)
    ? 'admin'
    : principal.roles.includes(Role.Clinician)
      ? 'clinician'
      : principal.roles.includes(Role.Patient) && ownCase
        ? 'patient'
        : 'user';
  return { kind, subject: principal.subject, roles, origin };
}

/** The person holding an invitation link (not signed in). */
export function signerActor(origin: RequestOrigin, invitationId: string): AuditActor {
  return { kind: 'signer', subject: `invitation:${invitationId}`, roles: [], origin };
}

export function systemActor(): AuditActor {
  return { kind: 'system', subject: 'consent-service', roles: [], origin: { ip: null, userAgent: null, correlationId: RequestContext.correlationId() ?? null } };
}
