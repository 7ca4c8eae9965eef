import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { caseServiceDefinition } from '@gmdb/case-service';
import { consentServiceDefinition } from '@gmdb/consent-service';
import { doiServiceDefinition } from '@gmdb/doi-service';
import { composeSupergraph } from '@gmdb/gateway';
import { REPOSITORY_ROOT } from './repository-root';

export interface SupergraphFile {
  path: string;
  /** False when the committed apps/gateway/supergraph.graphql differs from the code's composition. */
  committedIsCurrent: boolean;
}

/**
 * The supergraph the distributed gateway serves, composed from the subgraphs' SDL in the code
 * (as `gmdb supergraph` does) into `directory`: the committed file may lag behind work in
 * progress; CI's `gmdb supergraph --check` guards the committed one.
 */
export function writeCurrentSupergraph(directory: string): SupergraphFile {
  const composed = composeSupergraph(
    [
      { name: 'case', definition: caseServiceDefinition.typeDefs },
      { name: 'consent', definition: consentServiceDefinition.typeDefs },
      { name: 'doi', definition: doiServiceDefinition.typeDefs },
    ].map((s) => ({ name: s.name, url: `http://${s.name}-service/graphql`, typeDefs: s.definition ?? '' })),
  );
  const path = join(directory, 'supergraph.graphql');
  writeFileSync(path, composed);
  let committed = '';
  try {
    committed = readFileSync(resolve(REPOSITORY_ROOT, 'apps/gateway/supergraph.graphql'), 'utf8');
  } catch {
    committed = '';
  }
  const strip = (sdl: string) => sdl.replace(/@join__graph\(name: "(\w+)", url: "[^"]*"\)/g, '@join__graph(name: "$1")');
  return { path, committedIsCurrent: strip(committed) === strip(composed) };
}
