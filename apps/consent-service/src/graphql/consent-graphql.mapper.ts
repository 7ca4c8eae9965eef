import type { ConsentAuditEventEntity } from '../entities/consent-audit-event.entity';
import type { InvitationEntity } from '../entities/invitation.entity';
import type { ConsentView } from '../consents/models/consent.view';
import { fromGraphqlEnum, toGraphqlEnum } from './graphql-enum';

/** GraphQL `Consent`: the REST view with enum values in GraphQL form. */
export function toConsentGql(view: ConsentView) {
  return {
    ...view,
    state: toGraphqlEnum(view.state),
    kind: toGraphqlEnum(view.kind),
    method: toGraphqlEnum(view.method),
    accessLevel: toGraphqlEnum(view.accessLevel),
    choices: { ...view.choices, dataUse: toGraphqlEnum(view.choices.dataUse) },
    signer: view.signer ? { ...view.signer, relation: toGraphqlEnum(view.signer.relation) } : null,
  };
}

export type ConsentGql = ReturnType<typeof toConsentGql>;

export function toInvitationGql(entity: InvitationEntity) {
  return {
    id: entity.id,
    caseId: entity.caseId,
    language: entity.language,
    templateVersion: entity.templateVersion,
    createdBy: entity.createdBy,
    createdAt: new Date(entity.createdAt).toISOString(),
    expiresAt: new Date(entity.expiresAt).toISOString(),
    usedAt: entity.usedAt ? new Date(entity.usedAt).toISOString() : null,
    consentId: entity.consentId,
  };
}

export function toAuditEventGql(entity: ConsentAuditEventEntity) {
  return {
    id: String(entity.id),
    caseId: entity.caseId,
    consentId: entity.consentId,
    action: entity.action,
    actorKind: entity.actorKind,
    actorSubject: entity.actorSubject,
    actorRoles: entity.actorRoles ? entity.actorRoles.split(',') : [],
    ip: entity.ip,
    userAgent: entity.userAgent,
    correlationId: entity.correlationId,
    details: entity.details,
    occurredAt: new Date(entity.occurredAt).toISOString(),
  };
}

/** A GraphQL input (enum values upper case) as the domain validators read it (`fair`, `parent`). */
export function domainInputOf(input: Record<string, unknown>, enumPaths: string[][]): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
  for (const path of enumPaths) {
    let node: Record<string, unknown> | undefined = copy;
    for (const key of path.slice(0, -1)) {
      const next: unknown = node?.[key];
      node = typeof next === 'object' && next !== null ? (next as Record<string, unknown>) : undefined;
    }
    const last = path[path.length - 1];
    if (node && last in node) node[last] = fromGraphqlEnum(node[last]);
  }
  return copy;
}
