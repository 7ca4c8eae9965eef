import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Test photos committed under libs/ml/fixtures/images (licences in the README there). */
export const FIXTURE_DIR = join(__dirname, '..', '..', 'fixtures', 'images');

export type FixtureName = 'astronaut.png' | 'coffee.png' | 'chelsea.png' | '2008_002506.jpg';

export function fixtureBytes(name: FixtureName): Buffer {
  return readFileSync(join(FIXTURE_DIR, name));
}

/** Shared cache of generated models for specs and benches (gitignored `var/`). */
export const TEST_MODEL_DIR = join(__dirname, '..', '..', '..', '..', 'var', 'models');
