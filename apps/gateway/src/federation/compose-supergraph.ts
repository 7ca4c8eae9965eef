import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface SubgraphSdl {
  /** The name the supergraph knows it by (case, consent, doi). */
  name: string;
  /** Its URL as written into the supergraph; the gateway replaces it with the configured one. */
  url: string;
  typeDefs: string;
}

export class CompositionError extends Error {
  constructor(readonly messages: string[]) {
    super(`Supergraph composition failed:\n${messages.map((m) => `  - ${m}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

/** Composes the subgraphs' SDL into the supergraph SDL (Apollo Federation 2), or throws every error. */
export function composeSupergraph(subgraphs: SubgraphSdl[]): string {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.typeDefs) })),
  );
  if (result.errors && result.errors.length > 0) throw new CompositionError(result.errors.map((e) => e.message));
  if (!result.supergraphSdl) throw new CompositionError(['composition returned no supergraph']);
  return `${result.supergraphSdl.trimEnd()}\n`;
}
