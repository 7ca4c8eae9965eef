import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { composeSupergraph } from '@gmdb/gateway';
import { SERVICES, SUBGRAPH_NAMES } from '../service-registry';

/** The repository root (the folder of gmdb-backend's package.json), from src/ or from dist/. */
function repositoryRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'gmdb-backend') return dir;
  }
  return process.cwd();
}

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
