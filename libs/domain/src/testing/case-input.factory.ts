/**
 * Raw case JSON as a client would send it (before validation), with overrides. Nested objects
 * given in `overrides` replace the defaults whole.
 */
export type CaseInputJson = Record<string, unknown>;

export function caseInputJson(overrides: CaseInputJson = {}): CaseInputJson {
  return {
    externalId: 'ext-0001',
    source: { kind: 'literature', doi: '10.1038/s41431-020-00771-z', correspondingAuthor: { name: 'Jane Doe', orcid: '0000-0002-1825-0097' } },
    sex: 'female',
    ancestry: [{ group: 'european', countries: ['DE'] }],
    ageAtLastExamination: 'P4Y6M',
    diagnoses: [{ disorderId: 'OMIM:122470', label: 'Cornelia de Lange syndrome 1' }],
    genes: [{ symbol: 'NIPBL', hgncId: 'HGNC:28862' }],
    variants: [{ gene: 'NIPBL', hgvs: 'NM_133433.4:c.1234A>G', testMethod: 'exome', zygosity: 'GENO:0000135' }],
    phenotypes: [
      { hpoId: 'HP:0000664', excluded: false },
      { hpoId: 'HP:0001250', excluded: true },
    ],
    distinctiveness: 3,
    images: [{ modality: 'portrait', ageAtCapture: { years: 4 } }],
    accessLevel: 'fair',
    solved: true,
    ...overrides,
  };
}

/** A variant entry as JSON, with overrides. */
export function variantJson(overrides: CaseInputJson = {}): CaseInputJson {
  return { gene: 'NIPBL', hgvs: 'NM_133433.4:c.1234A>G', testMethod: 'exome', zygosity: 'GENO:0000135', ...overrides };
}
