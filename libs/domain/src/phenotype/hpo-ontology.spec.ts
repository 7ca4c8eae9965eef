import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError, ErrorCode } from '../errors';
import { IssueCode } from '../validation';
import { HPO_ROOTS, loadHpoOntology } from './hpo-ontology';
import { hpoTermValidator } from './hpo-term.value';

const text = readFileSync(join(__dirname, '../../fixtures/hpo/hp-subset.json'), 'utf8');
const hpo = loadHpoOntology(text);

describe('HpoOntology', () => {
  it('loads the fixture from text or parsed JSON, keeping only HP classes', () => {
    expect(hpo.size).toBe(59);
    expect(loadHpoOntology(JSON.parse(text)).size).toBe(59);
    expect(hpo.version).toBe('2025-05-06');
    expect(hpo.exists('HP:0001250')).toBe(true);
    expect(hpo.exists('HP:9999999')).toBe(false);
  });

  it('answers label, obsolete and replaced_by', () => {
    expect(hpo.label('HP:0000664')).toBe('Synophrys');
    expect(hpo.isObsolete('HP:0000664')).toBe(false);
    expect(hpo.isObsolete('HP:0001388')).toBe(true);
    expect(hpo.replacedBy('HP:0001388')).toBe('HP:0001382');
    expect(hpo.label(hpo.replacedBy('HP:0002355') ?? '')).toBe('Gait disturbance');
    expect(hpo.replacedBy('HP:0001250')).toBeUndefined();
  });

  it('walks is_a', () => {
    expect(hpo.isA('HP:0000664', HPO_ROOTS.phenotypicAbnormality)).toBe(true);
    expect(hpo.isA('HP:0000006', HPO_ROOTS.modeOfInheritance)).toBe(true);
    expect(hpo.isA('HP:0000006', HPO_ROOTS.phenotypicAbnormality)).toBe(false);
    expect(hpo.isA('HP:0000118', HPO_ROOTS.phenotypicAbnormality)).toBe(true);
  });

  it('follows alternative ids', () => {
    const doc = {
      graphs: [
        {
          nodes: [
            {
              id: 'http://purl.obolibrary.org/obo/HP_0000001',
              lbl: 'All',
              meta: { basicPropertyValues: [{ pred: 'http://www.geneontology.org/formats/oboInOwl#hasAlternativeId', val: 'HP:0000002' }] },
            },
          ],
          edges: [],
        },
      ],
    };
    const o = loadHpoOntology(doc);
    expect(o.exists('HP:0000002')).toBe(true);
    expect(o.replacedBy('HP:0000002')).toBe('HP:0000001');
  });

  it.each([['not json'], [{}], [{ graphs: [{ nodes: [{ id: 'http://purl.obolibrary.org/obo/GO_0000001' }] }] }], [42]])(
    'refuses a bad file %p',
    (input) => {
      expect(() => loadHpoOntology(input)).toThrow(DomainError);
      try {
        loadHpoOntology(input);
      } catch (e) {
        expect((e as DomainError).code).toBe(ErrorCode.HPO_ONTOLOGY_INVALID);
      }
    },
  );
});

describe('hpoTermValidator', () => {
  const check = hpoTermValidator(hpo);
  const code = (input: unknown) => {
    const r = check(input, 'hpo[0].id');
    return r.ok ? r.value : r.issues[0].code;
  };

  it('checks format only without an ontology', () => {
    expect(hpoTermValidator()('HP:9999999', 'x')).toEqual({ ok: true, value: 'HP:9999999' });
    expect(hpoTermValidator()('HP:99', 'x')).toMatchObject({ ok: false, issues: [{ code: IssueCode.INVALID_FORMAT }] });
  });

  it('checks existence, obsolescence and branch', () => {
    expect(code('HP:0000664')).toBe('HP:0000664');
    expect(code('hp_0001250')).toBe('HP:0001250');
    expect(code('HP:9999999')).toBe(IssueCode.HPO_TERM_UNKNOWN);
    expect(code('HP:0001388')).toBe(IssueCode.HPO_TERM_OBSOLETE);
    expect(code('HP:0000006')).toBe(IssueCode.HPO_TERM_WRONG_BRANCH);
    expect(code('HP0000664')).toBe(IssueCode.INVALID_FORMAT);
    const r = check('HP:0000368', 'p');
    expect(r.ok ? '' : r.issues[0].message).toBe('HP:0000368 is obsolete; use HP:0000358 (Posteriorly rotated ears)');
  });

  it('takes another root', () => {
    expect(hpoTermValidator(hpo, HPO_ROOTS.onset)('HP:0003577', '').ok).toBe(true);
  });
});
