import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { IntrospectAndCompose, type SupergraphSdlHook } from '@apollo/gateway';
import { ConfigError } from '@gmdb/platform';

/** Finds the repository root (where package.json of gmdb-backend is) from this file, in src/ or dist/. */
function repositoryRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    try {
      const pkg = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'gmdb-backend') return dir;
    } catch {
      // not here
    }
    dir = resolve(dir, '..');
  }
  return process.cwd();
}

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
