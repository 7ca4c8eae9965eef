import { CaseAccessLevel } from '../access';
import { validateAge, validateAncestryList, validateSex } from '../demographics';
import { HpoOntology, validateDistinctiveness } from '../phenotype';
import { IssueCode, IssueCollector, ObjectReader, ValidationResult, Validator, arrayOf, booleanValue, fail, invalid, joinPath, stringValue, valid } from '../validation';
import { phenotypeEntryValidator, validateDiagnosis, validateGeneRef, validateImageMetadata, validateVariantEntry } from './case-parts.value';
import { CaseInput, CasePatch, ClearableCaseField, RequestedAccessLevel } from './case-record.types';
import { validateCaseSource } from './case-source.value';

export interface CaseValidationOptions {
  /** With an ontology, HPO terms must exist, be current and be phenotypic abnormalities. */
  hpo?: HpoOntology;
}

const validateRequestedAccessLevel: Validator<RequestedAccessLevel> = (input, path) => {
  if (input === CaseAccessLevel.Fair || input === CaseAccessLevel.Private) return valid(input);
  if (input === CaseAccessLevel.Withdrawn) {
    return fail(path, IssueCode.UNKNOWN_VALUE, 'A case is withdrawn through its consent, not by editing it; use fair or private');
  }
  return fail(path, typeof input === 'string' ? IssueCode.UNKNOWN_VALUE : IssueCode.INVALID_TYPE, 'Must be fair or private');
};

type FieldSpec = { [K in keyof CaseInput]-?: { validator: Validator<CaseInput[K]>; required: boolean; fallback?: CaseInput[K] } };

function fieldSpecs(options: CaseValidationOptions): FieldSpec {
  return {
    externalId: { validator: stringValue({ maxLength: 200 }), required: true },
    source: { validator: validateCaseSource, required: true },
    sex: { validator: validateSex, required: true },
    ancestry: { validator: validateAncestryList, required: false, fallback: [] },
    ageAtLastExamination: { validator: validateAge, required: false },
    diagnoses: { validator: arrayOf(validateDiagnosis, { maxItems: 20 }), required: false, fallback: [] },
    genes: { validator: arrayOf(validateGeneRef, { maxItems: 50 }), required: false, fallback: [] },
    variants: { validator: arrayOf(validateVariantEntry, { maxItems: 100 }), required: false, fallback: [] },
    phenotypes: { validator: arrayOf(phenotypeEntryValidator(options.hpo), { maxItems: 500 }), required: false, fallback: [] },
    distinctiveness: { validator: validateDistinctiveness, required: false },
    images: { validator: arrayOf(validateImageMetadata, { maxItems: 200 }), required: false, fallback: [] },
    accessLevel: { validator: validateRequestedAccessLevel, required: false, fallback: CaseAccessLevel.Private },
    solved: { validator: booleanValue, required: false, fallback: false },
  };
}

const CLEARABLE: readonly string[] = ['ageAtLastExamination', 'distinctiveness'] satisfies ClearableCaseField[];
const LISTS: readonly string[] = ['ancestry', 'diagnoses', 'genes', 'variants', 'phenotypes', 'images'];

/**
 * Validates a case as submitted for creation. Returns the normalised input or every issue, each
 * with its path (`variants[1].hgvs`) and code; unknown fields are UNKNOWN_FIELD. Defaults:
 * empty lists, accessLevel `private`, solved `false`.
 */
export function validateCaseInput(input: unknown, options: CaseValidationOptions = {}): ValidationResult<CaseInput> {
  const issues = new IssueCollector();
  const reader = ObjectReader.open(input, '', issues);
  if (!reader) return invalid([...issues.issues]);
  const specs = fieldSpecs(options);
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs) as [string, FieldSpec[keyof FieldSpec]][]) {
    const validator = spec.validator as Validator<unknown>;
    const value = spec.required ? reader.required(key, validator) : reader.optional(key, validator);
    if (value !== undefined) out[key] = value;
    else if (spec.fallback !== undefined && !reader.has(key)) out[key] = spec.fallback;
  }
  reader.finish();
  if (!issues.ok) return invalid([...issues.issues]);
  checkConsistency(out as Partial<CaseInput>, issues);
  return issues.ok ? valid(out as unknown as CaseInput) : invalid([...issues.issues]);
}

/**
 * Validates a PATCH: every field optional; `null` clears ageAtLastExamination and
 * distinctiveness and empties a list; other fields cannot be cleared. Consistency checks run on
 * the lists the patch carries (a patch of `variants` alone is checked against itself only).
 */
export function validateCasePatch(input: unknown, options: CaseValidationOptions = {}): ValidationResult<CasePatch> {
  const issues = new IssueCollector();
  const reader = ObjectReader.open(input, '', issues);
  if (!reader) return invalid([...issues.issues]);
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(fieldSpecs(options)) as [string, FieldSpec[keyof FieldSpec]][]) {
    const raw = reader.raw(key);
    if (raw === undefined) continue;
    if (raw === null) {
      if (CLEARABLE.includes(key)) out[key] = null;
      else if (LISTS.includes(key)) out[key] = [];
      else issues.add(joinPath('', key), IssueCode.REQUIRED, `"${key}" cannot be cleared`);
      continue;
    }
    const value = issues.take((spec.validator as Validator<unknown>)(raw, key));
    if (value !== undefined) out[key] = value;
  }
  reader.finish();
  if (issues.ok) checkConsistency(out as Partial<CaseInput>, issues);
  return issues.ok ? valid(out as CasePatch) : invalid([...issues.issues]);
}

/** Rules across fields: no duplicates, no term both present and excluded, variants name listed genes. */
function checkConsistency(c: Partial<CaseInput>, issues: IssueCollector): void {
  const firstSeen = new Map<string, number>();
  c.phenotypes?.forEach((p, i) => {
    const j = firstSeen.get(p.hpoId);
    if (j === undefined) firstSeen.set(p.hpoId, i);
    else if (c.phenotypes?.[j].excluded === p.excluded) issues.add(`phenotypes[${i}].hpoId`, IssueCode.DUPLICATE, `${p.hpoId} is listed twice`);
    else issues.add(`phenotypes[${i}].hpoId`, IssueCode.CONFLICT, `${p.hpoId} is both present and excluded`);
  });
  duplicates(c.diagnoses?.map((d) => d.disorderId), 'diagnoses', 'disorderId', issues);
  duplicates(c.genes?.map((g) => g.symbol), 'genes', 'symbol', issues);
  if (c.genes && c.variants) {
    const symbols = new Set(c.genes.map((g) => g.symbol));
    c.variants.forEach((v, i) => {
      if (v.gene && !symbols.has(v.gene)) issues.add(`variants[${i}].gene`, IssueCode.CONFLICT, `${v.gene} is not one of the case's genes`);
    });
  }
  if (c.solved === true && c.diagnoses !== undefined && c.diagnoses.length === 0) {
    issues.add('solved', IssueCode.CONFLICT, 'A solved case needs at least one diagnosis');
  }
}

function duplicates(values: string[] | undefined, list: string, field: string, issues: IssueCollector): void {
  const seen = new Set<string>();
  values?.forEach((v, i) => {
    if (seen.has(v)) issues.add(`${list}[${i}].${field}`, IssueCode.DUPLICATE, `${v} is listed twice`);
    seen.add(v);
  });
}
