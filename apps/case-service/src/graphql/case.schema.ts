import { FEDERATION_LINK, SERVICE_STATUS_SDL } from '@gmdb/platform';

/** The case subgraph's SDL (schema-first; the gateway composes it with the others). */
export const caseSubgraphTypeDefs = /* GraphQL */ `
${FEDERATION_LINK}
${SERVICE_STATUS_SDL}

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

type Query {
  "case-service's status."
  caseService: ServiceStatus!
  "The caller as case-service sees it."
  me: Viewer!
}
`;
