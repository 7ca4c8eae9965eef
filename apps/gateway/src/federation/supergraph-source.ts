import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { IntrospectAndCompose, type SupergraphSdlHook } from '@apollo/gateway';
import { ConfigError, repositoryRoot } from '@gmdb/platform';

/** The committed supergraph (distributed mode): read once at start, never introspected live. */
export function readSupergraph(file: string): string {
  const path = isAbsolute(file) ? file : resolve(repositoryRoot(), file);
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError([
      { variable: 'GATEWAY_SUPERGRAPH_FILE', message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` },
    ]);
  }
}

/**
 * Where the gateway's schema comes from: the committed supergraph file in distributed mode, the
 * live subgraphs (introspection) in standalone development.
 */
export function supergraphSource(
  mode: 'standalone' | 'distributed',
  file: string,
  subgraphs: { name: string; url: string }[],
): string | SupergraphSdlHook | IntrospectAndCompose {
  return mode === 'distributed' ? readSupergraph(file) : new IntrospectAndCompose({ subgraphs });
}
