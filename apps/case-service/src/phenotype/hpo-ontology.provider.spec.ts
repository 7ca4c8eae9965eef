import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError } from '@gmdb/platform';
import { readHpoOntology } from './hpo-ontology.provider';

const FIXTURE = resolve(__dirname, '../../../../libs/domain/fixtures/hpo/hp-subset.json');

describe('readHpoOntology (HPO_ONTOLOGY_FILE)', () => {
  it('is null when no file is configured (format checks only)', () => {
    expect(readHpoOntology(undefined)).toBeNull();
  });

  it('loads an obographs hp.json and answers existence, obsolescence and labels', () => {
    const hpo = readHpoOntology(FIXTURE);
    expect(hpo?.exists('HP:0000118')).toBe(true);
    expect(hpo?.label('HP:0000118')).toBe('Phenotypic abnormality');
    expect(hpo?.isObsolete('HP:0001388')).toBe(true);
  });

  it('stops the boot naming the variable when the file is missing or not an ontology', () => {
    expect(() => readHpoOntology('/nonexistent/hp.json')).toThrow(ConfigError);
    expect(() => readHpoOntology('/nonexistent/hp.json')).toThrow(/HPO_ONTOLOGY_FILE: cannot be read \(ENOENT\)/);
    const broken = join(mkdtempSync(join(tmpdir(), 'hpo-')), 'hp.json');
    writeFileSync(broken, '{"graphs": 3}');
    expect(() => readHpoOntology(broken)).toThrow(/HPO_ONTOLOGY_FILE: is not an HPO obographs file/);
  });
});
