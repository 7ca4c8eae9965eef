import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph } from '@gmdb/gateway';
import { repositoryRoot } from '@gmdb/platform';
import { SERVICES, SUBGRAPH_NAMES } from '../service-registry';

/** Where the committed supergraph lives (the gateway's GATEWAY_SUPERGRAPH_FILE default). */
export const SUPERGRAPH_PATH = join(repositoryRoot(), 'apps/gateway/supergraph.graphql');

/** The URL each subgraph has inside a Kubernetes namespace; the gateway uses its configured URLs. */
const CLUSTER_URLS: Readonly<Record<string, string>> = {
  'case-service': 'http://case-service:4001/graphql',
  'consent-service': 'http://consent-service:4002/graphql',
  'doi-service': 'http://doi-service:4003/graphql',
};

/** Composes the supergraph from the subgraph SDL in the code (throws CompositionError on conflicts). */
export function composeFromCode(): string {
  return composeSupergraph(
    SERVICES.filter((s) => s.typeDefs && SUBGRAPH_NAMES[s.name]).map((s) => ({
      name: SUBGRAPH_NAMES[s.name] ?? s.name,
      url: CLUSTER_URLS[s.name] ?? `http://${s.name}/graphql`,
      typeDefs: s.typeDefs ?? '',
    })),
  );
}

export function committedSupergraph(): string | undefined {
  try {
    return readFileSync(SUPERGRAPH_PATH, 'utf8');
  } catch {
    return undefined;
  }
}
