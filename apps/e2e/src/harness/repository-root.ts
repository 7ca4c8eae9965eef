import { resolve } from 'node:path';

/** The repository root (this file is apps/e2e/src/harness/repository-root.ts). */
export const REPOSITORY_ROOT = resolve(__dirname, '../../../..');

/** The `gmdb` entry point. */
export const GMDB_BIN = resolve(REPOSITORY_ROOT, 'bin/gmdb.js');
