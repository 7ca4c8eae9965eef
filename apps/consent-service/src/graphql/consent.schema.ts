import { FEDERATION_LINK, SERVICE_STATUS_SDL } from '@gmdb/platform';

/** The consent subgraph's SDL (schema-first; the gateway composes it with the others). */
export const consentSubgraphTypeDefs = /* GraphQL */ `
${FEDERATION_LINK}
${SERVICE_STATUS_SDL}

type Query {
  "consent-service's status."
  consentService: ServiceStatus!
}
`;
