import type { Principal } from '@gmdb/domain';

/** GraphQL `Viewer`: the caller, without anything secret. */
export interface ViewerModel {
  kind: Principal['kind'];
  subject: string | null;
  roles: string[];
  institutionId: string | null;
}

export function toViewer(principal: Principal): ViewerModel {
  switch (principal.kind) {
    case 'anonymous':
      return { kind: principal.kind, subject: null, roles: [], institutionId: null };
    case 'user':
      return {
        kind: principal.kind,
        subject: principal.subject,
        roles: [...principal.roles],
        institutionId: principal.institutionId ?? null,
      };
    case 'institution':
      return { kind: principal.kind, subject: null, roles: [], institutionId: principal.institutionId };
    case 'researcher-token':
      return { kind: principal.kind, subject: principal.subject, roles: [], institutionId: null };
  }
}
