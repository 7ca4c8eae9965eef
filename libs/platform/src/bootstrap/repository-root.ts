import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE_NAME = 'gmdb-backend';
let cached: { root: string; version: string } | undefined;

function find(): { root: string; version: string } {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === PACKAGE_NAME) return { root: dir, version: pkg.version ?? '0.0.0' };
  }
  return { root: process.cwd(), version: '0.0.0' };
}

/** The repository root (the folder of gmdb-backend's package.json), found from here in src/ or dist/. */
export function repositoryRoot(): string {
  return (cached ??= find()).root;
}

/** The GMDB version from that package.json. */
export function gmdbVersion(): string {
  return (cached ??= find()).version;
}
