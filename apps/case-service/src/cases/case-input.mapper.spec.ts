import { validateCaseInput, validateCasePatch } from '@gmdb/domain';
import { caseInputJson } from '@gmdb/domain/testing';
import { changesOf, changesOfInput } from './case-input.mapper';

function validInput(overrides: Record<string, unknown> = {}) {
  const r = validateCaseInput(caseInputJson(overrides));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('case input -> stored changes', () => {
  it('stores a whole record: literature source as a publication, variants as text, lists as children', () => {
    const changes = changesOfInput(validInput({ source: { kind: 'literature', doi: '10.1038/ABC', pubmedId: 123 } }));
    expect(changes.publication).toEqual({ doi: '10.1038/abc', pubmedId: 123, correspondingAuthor: null });
    expect(changes.columns).toMatchObject({
      sourceKind: 'literature',
      sourceContact: null,
      sex: 'female',
      ageAtLastExamination: 'P4Y6M',
      distinctiveness: 3,
      variants: [{ gene: 'NIPBL', hgvs: 'NM_133433.4:c.1234A>G', testMethod: 'exome', zygosity: 'GENO:0000135' }],
      solved: true,
    });
    expect(changes.columns.ageAtLastExaminationDays).toBeGreaterThan(4 * 365);
    expect(changes.children.ancestries).toEqual([{ group: 'european', hancestroId: 'HANCESTRO:0005', countries: ['DE'] }]);
    expect(changes.accessLevel).toBe('fair');
  });

  it('clears absent optional fields of a whole record', () => {
    const changes = changesOfInput(validInput({ ageAtLastExamination: undefined, distinctiveness: undefined }));
    expect(changes.columns).toMatchObject({ ageAtLastExamination: null, ageAtLastExaminationDays: null, distinctiveness: null });
  });

  it('changes only what a patch names', () => {
    const r = validateCasePatch({ sex: 'male', phenotypes: null, source: { kind: 'clinician', contact: { name: 'Dr A', orcid: '0000-0002-1825-0097' } } });
    if (!r.ok) throw new Error('invalid');
    const changes = changesOf(r.value);
    expect(changes).toEqual({
      columns: { sex: 'male', sourceKind: 'clinician', sourceContact: { name: 'Dr A', orcid: '0000-0002-1825-0097' } },
      children: { phenotypes: [] },
      publication: null,
    });
  });
});
