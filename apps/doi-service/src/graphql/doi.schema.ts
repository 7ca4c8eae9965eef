import { FEDERATION_LINK, SERVICE_STATUS_SDL } from '@gmdb/platform';

/** The doi subgraph's SDL (schema-first; the gateway composes it with the others). */
export const doiSubgraphTypeDefs = /* GraphQL */ `
${FEDERATION_LINK}
${SERVICE_STATUS_SDL}

type Query {
  "doi-service's status."
  doiService: ServiceStatus!
}
`;
