/** The consent subgraph's own types. Names start with Consent where another subgraph could clash. */
export const consentTypesSdl = /* GraphQL */ `
enum ConsentLanguage {
  de
  en
}

"How the photos and data may be kept."
enum ConsentDataUse {
  "GMDB-FAIR: shared with registered users and approved researchers (and used for AI training)."
  FAIR
  "GMDB-private: AI training and the gallery index only, never shown."
  AI_TRAINING_ONLY
  "No use at all (a refused consent)."
  DECLINED
}

enum ConsentSignerRelation {
  SELF
  PARENT
  LEGAL_GUARDIAN
}

enum ConsentState {
  ACTIVE
  WITHDRAWN
  REJECTED
}

enum ConsentMethod {
  ONLINE
  PAPER
}

"What caused a version."
enum ConsentChangeKind {
  SIGNED
  PAPER
  CHANGED
  WITHDRAWN
}

"The case access level a consent allows (case-service applies it)."
enum ConsentAccessLevel {
  FAIR
  PRIVATE
  WITHDRAWN
}

enum ConsentErasureStatus {
  SCHEDULED
  QUEUED
  CANCELLED
}

type ConsentChoices {
  dataUse: ConsentDataUse!
  presentations: Boolean!
  teaching: Boolean!
  otherJournals: Boolean!
  matchmakingContact: Boolean!
}

type ConsentSigner {
  "The typed name."
  name: String!
  relation: ConsentSignerRelation!
  "When the form was signed (ISO 8601; the server's time online, the date on the form for paper)."
  signedAt: String!
}

"The scheduled erasure of a withdrawn case's photos."
type ConsentErasure {
  dueAt: String!
  status: ConsentErasureStatus!
}

"One version of a case's consent. Versions are never changed; a change is a new version."
type Consent {
  "This version."
  id: ID!
  caseId: ID!
  "The case's consent across all its versions: the FHIR Consent id and the consentId of consent.changed."
  seriesId: ID!
  version: Int!
  state: ConsentState!
  kind: ConsentChangeKind!
  method: ConsentMethod!
  accessLevel: ConsentAccessLevel!
  "The form the signer saw."
  templateVersion: String!
  language: ConsentLanguage!
  choices: ConsentChoices!
  signer: ConsentSigner
  hasSignatureImage: Boolean!
  "A scan of the paper form is kept (visible to the responsible clinician only, REST)."
  hasScan: Boolean!
  effectiveFrom: String!
  withdrawnAt: String
  responsibleClinician: String!
  recordedBy: String!
  createdAt: String!
  "The photo erasure this version scheduled (withdrawn and refused versions)."
  erasure: ConsentErasure
}

type ConsentTemplateChoice {
  "ai-training-only, fair-sharing, presentations, teaching, other-journals or matchmaking-contact."
  key: String!
  title: String!
  text: String!
  "Choices of the same group are alternatives (data-use)."
  exclusiveGroup: String
}

type ConsentTemplate {
  version: String!
  language: ConsentLanguage!
  title: String!
  introduction: String!
  choices: [ConsentTemplateChoice!]!
  declaration: String!
  withdrawal: String!
  publishedAt: String!
}

type Invitation {
  id: ID!
  caseId: ID!
  language: ConsentLanguage!
  templateVersion: String!
  createdBy: String!
  createdAt: String!
  expiresAt: String!
  usedAt: String
  "The consent its signature created."
  consentId: ID
}

type InvitationLink {
  invitation: Invitation!
  "The secret token, shown once."
  token: String!
  "The link for the patient or guardian."
  link: String!
  "false: GMDB sends no mail yet; pass the link on."
  emailSent: Boolean!
}

type ConsentWithdrawal {
  consent: Consent!
  "false when the consent was already withdrawn (nothing changed, no second erasure)."
  withdrawnNow: Boolean!
}

type ConsentAuditEvent {
  id: ID!
  caseId: ID!
  consentId: ID
  action: String!
  actorKind: String!
  actorSubject: String
  actorRoles: [String!]!
  ip: String
  userAgent: String
  correlationId: String
  "A small JSON object."
  details: String
  occurredAt: String!
}

input InviteToConsentInput {
  caseId: ID!
  language: ConsentLanguage!
  "Default: the newest version published in that language."
  templateVersion: String
  "Accepted for the link's recipient; not stored, and no mail is sent yet."
  email: String
}

input ConsentChoicesInput {
  dataUse: ConsentDataUse!
  presentations: Boolean!
  teaching: Boolean!
  otherJournals: Boolean!
  matchmakingContact: Boolean!
}

input ConsentSignatureInput {
  name: String!
  relation: ConsentSignerRelation!
  "The drawn signature: a PNG as base64 or a data:image/png;base64 URL (at most 200 KiB)."
  signature: String!
}

input ChangeConsentInput {
  caseId: ID!
  choices: ConsentChoicesInput!
  signer: ConsentSignatureInput!
}

input WithdrawConsentInput {
  caseId: ID!
  reason: String
}
`;
