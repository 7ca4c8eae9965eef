import { readFileSync } from 'node:fs';
import { type HpoOntology, loadHpoOntology } from '@gmdb/domain';
import { APP_CONFIG, ConfigError } from '@gmdb/platform';
import type { Provider } from '@nestjs/common';
import type { CaseServiceConfig } from '../config/case-service.config';

export const HPO_ONTOLOGY = Symbol.for('gmdb.HpoOntology');

/**
 * Loads HPO_ONTOLOGY_FILE once at boot (a missing or broken file stops the service, naming the
 * variable). Without the variable the ontology is null and terms are checked by format only.
 */
export function readHpoOntology(path: string | undefined): HpoOntology | null {
  if (!path) return null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError([{ variable: 'HPO_ONTOLOGY_FILE', message: `cannot be read (${reason})` }]);
  }
  try {
    return loadHpoOntology(text);
  } catch (e) {
    throw new ConfigError([
      { variable: 'HPO_ONTOLOGY_FILE', message: `is not an HPO obographs file: ${e instanceof Error ? e.message : e}` },
    ]);
  }
}

export const hpoOntologyProvider: Provider = {
  provide: HPO_ONTOLOGY,
  inject: [APP_CONFIG],
  useFactory: (config: CaseServiceConfig) => readHpoOntology(config.HPO_ONTOLOGY_FILE),
};
