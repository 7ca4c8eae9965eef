import { validateAge } from '../demographics';
import { validateDisorderId, validateHgncId, validateHgncSymbol } from '../identifiers';
import { validateImageModality } from '../images';
import { HpoOntology, hpoTermValidator } from '../phenotype';
import { IssueCode, Validator, booleanValue, objectOf, stringValue } from '../validation';
import { validateHgvs, validateIscn, validateTestMethod, validateZygosity } from '../variant';
import { Diagnosis, GeneRef, ImageMetadataInput, PhenotypeEntry, VariantEntry } from './case-record.types';

export const validateDiagnosis: Validator<Diagnosis> = objectOf((r) => {
  const disorderId = r.required('disorderId', validateDisorderId);
  const label = r.optional('label', stringValue({ maxLength: 500 }));
  if (disorderId === undefined) return undefined;
  return label ? { disorderId, label } : { disorderId };
});

export const validateGeneRef: Validator<GeneRef> = objectOf((r) => {
  const symbol = r.required('symbol', validateHgncSymbol);
  const hgncId = r.required('hgncId', validateHgncId);
  if (symbol === undefined || hgncId === undefined) return undefined;
  return { symbol, hgncId };
});

/** `{ gene?, hgvs | iscn, testMethod, zygosity }`: exactly one of hgvs and iscn. */
export const validateVariantEntry: Validator<VariantEntry> = objectOf((r, issues) => {
  const gene = r.optional('gene', validateHgncSymbol);
  const hgvs = r.optional('hgvs', validateHgvs);
  const iscn = r.optional('iscn', validateIscn);
  const testMethod = r.required('testMethod', validateTestMethod);
  const zygosity = r.required('zygosity', validateZygosity);
  if (r.has('hgvs') && r.has('iscn')) issues.add(r.fieldPath('iscn'), IssueCode.CONFLICT, 'Give either hgvs or iscn, not both');
  if (!r.has('hgvs') && !r.has('iscn')) issues.add(r.fieldPath('hgvs'), IssueCode.REQUIRED, 'Give the variant as hgvs or iscn');
  if (testMethod === undefined || zygosity === undefined) return undefined;
  return { ...(gene ? { gene } : {}), ...(hgvs ? { hgvs } : {}), ...(iscn ? { iscn } : {}), testMethod, zygosity };
});

/** `{ hpoId, excluded? }`; `excluded` defaults to false (the feature is present). */
export function phenotypeEntryValidator(ontology?: HpoOntology): Validator<PhenotypeEntry> {
  const hpo = hpoTermValidator(ontology);
  return objectOf((r) => {
    const hpoId = r.required('hpoId', hpo);
    const excluded = r.optional('excluded', booleanValue) ?? false;
    if (hpoId === undefined) return undefined;
    return { hpoId, excluded };
  });
}

export const validateImageMetadata: Validator<ImageMetadataInput> = objectOf((r) => {
  const modality = r.required('modality', validateImageModality);
  const ageAtCapture = r.optional('ageAtCapture', validateAge);
  if (modality === undefined) return undefined;
  return ageAtCapture ? { modality, ageAtCapture } : { modality };
});
