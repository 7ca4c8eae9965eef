import { IssueCode, ValidationResult, describeType, fail, valid } from '../validation';

/** Allelic state as a GENO term (the Phenopacket `allelicState`). */
export enum Zygosity {
  Heterozygous = 'GENO:0000135',
  Homozygous = 'GENO:0000136',
  Hemizygous = 'GENO:0000134',
  CompoundHeterozygous = 'GENO:0000402',
  Unspecified = 'GENO:0000137',
  Homoplasmic = 'GENO:0000602',
  Heteroplasmic = 'GENO:0000603',
}

export const ZYGOSITY_LABELS: Readonly<Record<Zygosity, string>> = {
  [Zygosity.Heterozygous]: 'heterozygous',
  [Zygosity.Homozygous]: 'homozygous',
  [Zygosity.Hemizygous]: 'hemizygous',
  [Zygosity.CompoundHeterozygous]: 'compound heterozygous',
  [Zygosity.Unspecified]: 'unspecified zygosity',
  [Zygosity.Homoplasmic]: 'homoplasmic',
  [Zygosity.Heteroplasmic]: 'heteroplasmic',
};

export const ALL_ZYGOSITIES: readonly Zygosity[] = Object.values(Zygosity);

/** A GENO id (`GENO:0000135`, also `GENO_0000135`) or its label (`heterozygous`); normalised to the id. */
export function validateZygosity(input: unknown, path = ''): ValidationResult<Zygosity> {
  if (typeof input !== 'string') return fail(path, IssueCode.INVALID_TYPE, `Expected a string, got ${describeType(input)}`);
  const s = input.trim();
  const id = s.toUpperCase().replace(/^GENO_/, 'GENO:');
  const found =
    ALL_ZYGOSITIES.find((z) => z === id) ??
    ALL_ZYGOSITIES.find((z) => ZYGOSITY_LABELS[z] === s.toLowerCase().replace(/[-_]/g, ' ')) ??
    (s.toLowerCase() === 'unspecified' ? Zygosity.Unspecified : undefined);
  if (found) return valid(found);
  const choices = ALL_ZYGOSITIES.map((z) => `${z} (${ZYGOSITY_LABELS[z]})`).join(', ');
  return fail(path, IssueCode.UNKNOWN_VALUE, `Must be one of: ${choices}`);
}

/** Matchmaker Exchange `zygosity`: 1 for heterozygous/hemizygous, 2 for homozygous, else absent. */
export function toMmeZygosity(z: Zygosity): 1 | 2 | undefined {
  if (z === Zygosity.Heterozygous || z === Zygosity.Hemizygous) return 1;
  if (z === Zygosity.Homozygous) return 2;
  return undefined;
}
