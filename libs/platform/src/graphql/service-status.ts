import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ServiceStatus {
  name: string;
  version: string;
  mode: string;
  startedAt: string;
}

const startedAt = new Date().toISOString();
let cachedVersion: string | undefined;

/** The GMDB version from the repository's package.json (found upwards from here; works from dist/). */
export function gmdbVersion(): string {
  if (cachedVersion) return cachedVersion;
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'gmdb-backend' && pkg.version) return (cachedVersion = pkg.version);
    }
    const parent = dirname(dir);
    if (parent === dir) return (cachedVersion = '0.0.0');
    dir = parent;
  }
}

export function serviceStatus(name: string, mode: string): ServiceStatus {
  return { name, version: gmdbVersion(), mode, startedAt };
}
