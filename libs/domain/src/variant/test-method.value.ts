import { ValidationResult, enumValue } from '../validation';

/**
 * How a variant was found. There is no standard vocabulary (Phenopackets and MME have no field;
 * FHIR leaves `Observation.method` open), so this is a local closed list.
 */
export enum TestMethod {
  Exome = 'exome',
  Genome = 'genome',
  GenePanel = 'gene-panel',
  SingleGeneSanger = 'single-gene-sanger',
  ChromosomalMicroarray = 'chromosomal-microarray',
  Karyotype = 'karyotype',
  Mlpa = 'mlpa',
  Fish = 'fish',
  MethylationAnalysis = 'methylation-analysis',
  RepeatExpansionAnalysis = 'repeat-expansion-analysis',
  RnaSequencing = 'rna-sequencing',
  Other = 'other',
}

export const TEST_METHOD_LABELS: Readonly<Record<TestMethod, string>> = {
  [TestMethod.Exome]: 'Exome sequencing',
  [TestMethod.Genome]: 'Genome sequencing',
  [TestMethod.GenePanel]: 'Gene panel',
  [TestMethod.SingleGeneSanger]: 'Single gene (Sanger sequencing)',
  [TestMethod.ChromosomalMicroarray]: 'Chromosomal microarray',
  [TestMethod.Karyotype]: 'Karyotype',
  [TestMethod.Mlpa]: 'MLPA',
  [TestMethod.Fish]: 'FISH',
  [TestMethod.MethylationAnalysis]: 'Methylation analysis',
  [TestMethod.RepeatExpansionAnalysis]: 'Repeat expansion analysis',
  [TestMethod.RnaSequencing]: 'RNA sequencing',
  [TestMethod.Other]: 'Other',
};

export const ALL_TEST_METHODS: readonly TestMethod[] = Object.values(TestMethod);

const checkTestMethod = enumValue(ALL_TEST_METHODS);

/** One of `TestMethod` (exact key, case-insensitive). */
export function validateTestMethod(input: unknown, path = ''): ValidationResult<TestMethod> {
  return checkTestMethod(typeof input === 'string' ? input.trim().toLowerCase() : input, path);
}
