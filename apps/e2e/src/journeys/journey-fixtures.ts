import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseInputJson } from '@gmdb/domain/testing';
import { REPOSITORY_ROOT } from '../harness/repository-root';

/** NASA's astronaut portrait (public domain, one face): the real photo every journey pushes. */
export function astronautPhoto(): Buffer {
  return readFileSync(join(REPOSITORY_ROOT, 'libs/ml/fixtures/images/astronaut.png'));
}

/** Two disorders (with their genes) that only the journeys' cases carry. */
export const DISORDERS = {
  /** The case that becomes FAIR, then is withdrawn. */
  shared: { disorderId: 'OMIM:122470', label: 'Cornelia de Lange syndrome 1', gene: { symbol: 'NIPBL', hgncId: 'HGNC:28862' } },
  /** The case that stays GMDB-private. */
  private: { disorderId: 'OMIM:180849', label: 'Rubinstein-Taybi syndrome 1', gene: { symbol: 'CREBBP', hgncId: 'HGNC:2348' } },
} as const;

/** A case as a hospital system pushes it: private until consent says otherwise (no accessLevel sent). */
export function hospitalCase(externalId: string, disorder: (typeof DISORDERS)[keyof typeof DISORDERS]): Record<string, unknown> {
  const body: Record<string, unknown> = caseInputJson({
    externalId,
    source: { kind: 'clinician', contact: { name: 'Dr. Example', email: 'genetics@example.org' } },
    diagnoses: [{ disorderId: disorder.disorderId, label: disorder.label }],
    genes: [disorder.gene],
    variants: [],
    images: [],
  });
  delete body['accessLevel'];
  return body;
}
