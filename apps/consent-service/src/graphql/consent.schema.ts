import { FEDERATION_LINK, SERVICE_STATUS_SDL } from '@gmdb/platform';
import { consentTypesSdl } from './consent-types.schema';

/** The consent subgraph's SDL (schema-first; the gateway composes it with the others). */
export const consentSubgraphTypeDefs = /* GraphQL */ `
${FEDERATION_LINK}
${SERVICE_STATUS_SDL}
${consentTypesSdl}

"""
A GMDB case, owned by case-service; consent-service adds its consent. Only \`id\` is shared:
case-service defines the other fields of Case.
"""
type Case @key(fields: "id") {
  id: ID!
  "The current consent version; null when there is none or the caller may not see it."
  consent: Consent
  "Every consent version of the case, oldest first (empty when the caller may not see them)."
  consentHistory: [Consent!]!
}

type Query {
  "consent-service's status."
  consentService: ServiceStatus!
  "Every published consent form (each version in each language)."
  consentTemplates: [ConsentTemplate!]!
  "One consent form; CONSENT_TEMPLATE_NOT_FOUND when that version is not published in that language."
  consentTemplate(version: String!, language: ConsentLanguage!): ConsentTemplate!
  "One consent version by id (responsible clinician, the patient of the case, admins)."
  consent(id: ID!): Consent
  "The audit trail of a case's consent, oldest first (responsible clinician and admins)."
  consentAudit(caseId: ID!): [ConsentAuditEvent!]!
  "The invitations of a case, newest first (responsible clinician and admins)."
  consentInvitations(caseId: ID!): [Invitation!]!
}

type Mutation {
  "Invite the patient or guardian to sign online. The link is returned once; only its hash is stored."
  inviteToConsent(input: InviteToConsentInput!): InvitationLink!
  "The patient changes their choices (signing again): a new version."
  changeConsent(input: ChangeConsentInput!): Consent!
  "Withdraw the consent of a case (idempotent): a new withdrawn version and the photo erasure after the grace period."
  withdrawConsent(input: WithdrawConsentInput!): ConsentWithdrawal!
}
`;
