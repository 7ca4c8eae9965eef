import { FEDERATION_LINK, SERVICE_STATUS_SDL } from '@gmdb/platform';
import { analysisSdl } from '../analyses/graphql/analysis.schema';
import { imageSdl } from '../images/graphql/image.schema';
import { caseTypesSdl } from './case-types.schema';

/** The case subgraph's SDL (schema-first; the gateway composes it with the others). */
export const caseSubgraphTypeDefs = /* GraphQL */ `
${FEDERATION_LINK}
${SERVICE_STATUS_SDL}
${caseTypesSdl}

"""Who the gateway and this subgraph think is asking."""
type Viewer {
  "anonymous, user, institution or researcher-token."
  kind: String!
  "The user's subject (JWT sub), the researcher's subject; null for anonymous and institutions."
  subject: String
  "Roles of a signed-in user; empty otherwise."
  roles: [String!]!
  "The institution of a user or an API key, when known."
  institutionId: String
}

"""A photo of a case (the images part fills these fields)."""
type Image @key(fields: "id") {
  id: ID!
  caseId: ID!
  "portrait, mri, x-ray, fundoscopy, extremity or other."
  modality: String!
  "ISO 8601 duration."
  ageAtCapture: String
  width: Int
  height: Int
  "pending, done or failed."
  encodeStatus: String!
  "Why encoding failed (IMAGE_NO_FACE...)."
  encodeErrorCode: String
}

type Query {
  "case-service's status."
  caseService: ServiceStatus!
  "The caller as case-service sees it."
  me: Viewer!
  "One case; null when it does not exist or the caller may not see it."
  case(id: ID!): Case
  "Cases the caller may see, newest first, filtered; first is 1 to 100 (default 20)."
  gallery(filter: GalleryFilter, first: Int, after: String): CaseConnection!
  "Public counts over FAIR cases."
  statistics: CaseStatistics!
}

type Mutation {
  "Create a case, or replace the one of your institution with the same externalId (clinicians, curators, API keys with cases:write)."
  createCase(input: CaseInput!): CaseUpsertResult!
  "Change some fields of a case (its institution, a responsible clinician, or a curator)."
  updateCase(id: ID!, patch: CasePatchInput!): Case!
}
${imageSdl}
${analysisSdl}
`;
