import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadHpoOntology } from '../phenotype';
import { caseInputJson, variantJson } from '../testing';
import { IssueCode } from '../validation';
import { validateCaseInput, validateCasePatch } from './case-input.validator';

const hpo = loadHpoOntology(readFileSync(join(__dirname, '../../fixtures/hpo/hp-subset.json'), 'utf8'));

const issuesOf = (r: { ok: boolean; issues?: { path: string; code: string }[] }) => (r.ok ? [] : (r.issues ?? []).map((i) => [i.path, i.code]));

describe('validateCaseInput', () => {
  it('accepts and normalises a full case', () => {
    const r = validateCaseInput(caseInputJson(), { hpo });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.sex).toBe('female');
    expect(r.value.ancestry[0].hancestroId).toBe('HANCESTRO:0005');
    expect(r.value.source).toEqual({
      kind: 'literature',
      doi: '10.1038/s41431-020-00771-z',
      correspondingAuthor: { name: 'Jane Doe', orcid: { id: '0000-0002-1825-0097', uri: 'https://orcid.org/0000-0002-1825-0097' } },
    });
    expect(r.value.variants[0].hgvs?.reference.id).toBe('NM_133433.4');
    expect(r.value.variants[0].zygosity).toBe('GENO:0000135');
    expect(r.value.phenotypes).toEqual([
      { hpoId: 'HP:0000664', excluded: false },
      { hpoId: 'HP:0001250', excluded: true },
    ]);
    expect(r.value.images[0].ageAtCapture?.iso).toBe('P4Y');
  });

  it('fills defaults for a minimal case', () => {
    const r = validateCaseInput({ externalId: 'x', source: { kind: 'patient' }, sex: 'unknown' });
    expect(r).toEqual({
      ok: true,
      value: {
        externalId: 'x',
        source: { kind: 'patient' },
        sex: 'unknown',
        ancestry: [],
        diagnoses: [],
        genes: [],
        variants: [],
        phenotypes: [],
        images: [],
        accessLevel: 'private',
        solved: false,
      },
    });
  });

  it('reports every issue with its path', () => {
    const r = validateCaseInput(
      caseInputJson({
        externalId: '',
        sex: 'f',
        variants: [variantJson(), variantJson({ hgvs: 'NM_133433.4:c.1234A>', zygosity: 'het' })],
        phenotypes: [{ hpoId: 'HP:0001388' }, { hpoId: 'HP:123' }],
        distinctiveness: 4,
        nickname: 'Bob',
      }),
      { hpo },
    );
    expect(issuesOf(r)).toEqual([
      ['externalId', IssueCode.REQUIRED],
      ['sex', IssueCode.UNKNOWN_VALUE],
      ['variants[1].hgvs', IssueCode.HGVS_SYNTAX],
      ['variants[1].zygosity', IssueCode.UNKNOWN_VALUE],
      ['phenotypes[0].hpoId', IssueCode.HPO_TERM_OBSOLETE],
      ['phenotypes[1].hpoId', IssueCode.INVALID_FORMAT],
      ['distinctiveness', IssueCode.OUT_OF_RANGE],
      ['nickname', IssueCode.UNKNOWN_FIELD],
    ]);
  });

  it('rejects unknown fields at any depth', () => {
    const r = validateCaseInput(caseInputJson({ genes: [{ symbol: 'NIPBL', hgncId: 'HGNC:28862', entrez: 25836 }], source: { kind: 'clinician', doi: '10.1/x' } }));
    expect(issuesOf(r)).toEqual([
      ['source.doi', IssueCode.UNKNOWN_FIELD],
      ['genes[0].entrez', IssueCode.UNKNOWN_FIELD],
    ]);
  });

  it('requires required fields and an object', () => {
    expect(issuesOf(validateCaseInput({}))).toEqual([
      ['externalId', IssueCode.REQUIRED],
      ['source', IssueCode.REQUIRED],
      ['sex', IssueCode.REQUIRED],
    ]);
    expect(issuesOf(validateCaseInput([]))).toEqual([['', IssueCode.INVALID_TYPE]]);
  });

  it('checks sources', () => {
    expect(issuesOf(validateCaseInput(caseInputJson({ source: { kind: 'literature' } })))).toEqual([['source', IssueCode.REQUIRED]]);
    expect(issuesOf(validateCaseInput(caseInputJson({ source: { kind: 'journal', doi: 'x' } })))).toEqual([['source.kind', IssueCode.UNKNOWN_VALUE]]);
    expect(
      issuesOf(validateCaseInput(caseInputJson({ source: { kind: 'literature', pubmedId: 'abc', correspondingAuthor: { name: 'A', orcid: '0000-0002-1825-0098', email: 'no' } } }))),
    ).toEqual([
      ['source.pubmedId', IssueCode.INVALID_FORMAT],
      ['source.correspondingAuthor.email', IssueCode.INVALID_FORMAT],
      ['source.correspondingAuthor.orcid', IssueCode.CHECKSUM_MISMATCH],
    ]);
    expect(validateCaseInput(caseInputJson({ source: { kind: 'clinician', contact: { name: 'Dr A', email: 'a@b.org' } } })).ok).toBe(true);
  });

  it('takes variants as hgvs or iscn, not both or neither', () => {
    const withIscn = variantJson({ hgvs: undefined, iscn: 'arr[GRCh38] 5p15.33p15.2(113576_10000000)x1', testMethod: 'chromosomal-microarray' });
    expect(validateCaseInput(caseInputJson({ variants: [withIscn] })).ok).toBe(true);
    expect(issuesOf(validateCaseInput(caseInputJson({ variants: [variantJson({ iscn: '46,XX' })] })))).toEqual([['variants[0].iscn', IssueCode.CONFLICT]]);
    expect(issuesOf(validateCaseInput(caseInputJson({ variants: [variantJson({ hgvs: null })] })))).toEqual([['variants[0].hgvs', IssueCode.REQUIRED]]);
  });

  it('checks consistency across fields', () => {
    const r = validateCaseInput(
      caseInputJson({
        phenotypes: [{ hpoId: 'HP:0000664' }, { hpoId: 'HP:0000664' }, { hpoId: 'HP:0000664', excluded: true }],
        genes: [{ symbol: 'NIPBL', hgncId: 'HGNC:28862' }, { symbol: 'NIPBL', hgncId: 'HGNC:28862' }],
        variants: [variantJson({ gene: 'SMC1A' })],
        diagnoses: [],
      }),
    );
    expect(issuesOf(r)).toEqual([
      ['phenotypes[1].hpoId', IssueCode.DUPLICATE],
      ['phenotypes[2].hpoId', IssueCode.CONFLICT],
      ['genes[1].symbol', IssueCode.DUPLICATE],
      ['variants[0].gene', IssueCode.CONFLICT],
      ['solved', IssueCode.CONFLICT],
    ]);
  });

  it('refuses withdrawn as a requested access level', () => {
    expect(issuesOf(validateCaseInput(caseInputJson({ accessLevel: 'withdrawn' })))).toEqual([['accessLevel', IssueCode.UNKNOWN_VALUE]]);
  });

  it('checks HPO format only without an ontology', () => {
    expect(validateCaseInput(caseInputJson({ phenotypes: [{ hpoId: 'HP:9999999' }] })).ok).toBe(true);
    expect(issuesOf(validateCaseInput(caseInputJson({ phenotypes: [{ hpoId: 'HP:9999999' }] }), { hpo }))).toEqual([
      ['phenotypes[0].hpoId', IssueCode.HPO_TERM_UNKNOWN],
    ]);
  });
});

describe('validateCasePatch', () => {
  it('accepts any subset', () => {
    expect(validateCasePatch({ sex: 'MALE' })).toEqual({ ok: true, value: { sex: 'male' } });
    expect(validateCasePatch({})).toEqual({ ok: true, value: {} });
  });

  it('clears optional fields and lists with null', () => {
    expect(validateCasePatch({ distinctiveness: null, ageAtLastExamination: null, variants: null })).toEqual({
      ok: true,
      value: { distinctiveness: null, ageAtLastExamination: null, variants: [] },
    });
  });

  it('refuses clearing required fields, bad values and unknown fields', () => {
    expect(issuesOf(validateCasePatch({ sex: null, externalId: null, variants: [variantJson({ zygosity: 'x' })], id: 'c1' }))).toEqual([
      ['externalId', IssueCode.REQUIRED],
      ['sex', IssueCode.REQUIRED],
      ['variants[0].zygosity', IssueCode.UNKNOWN_VALUE],
      ['id', IssueCode.UNKNOWN_FIELD],
    ]);
    expect(issuesOf(validateCasePatch('x'))).toEqual([['', IssueCode.INVALID_TYPE]]);
  });

  it('checks consistency within the patch', () => {
    expect(issuesOf(validateCasePatch({ phenotypes: [{ hpoId: 'HP:0000664' }, { hpoId: 'HP:0000664', excluded: true }] }))).toEqual([
      ['phenotypes[1].hpoId', IssueCode.CONFLICT],
    ]);
  });
});
