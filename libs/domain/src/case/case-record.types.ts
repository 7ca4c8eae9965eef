import { CaseAccessLevel } from '../access';
import { Age, Ancestry, Sex } from '../demographics';
import { DisorderId, HgncId, HpoId, Orcid } from '../identifiers';
import { ImageModality } from '../images';
import { Distinctiveness } from '../phenotype';
import { HgvsVariant, IscnExpression, TestMethod, Zygosity } from '../variant';

/** A person to contact about a case (a corresponding author, the submitting clinician). */
export interface Contact {
  name: string;
  email?: string;
  orcid?: Orcid;
  institution?: string;
}

/** Where the case comes from. A literature case names its publication by DOI and/or PubMed id. */
export type CaseSource =
  | { kind: 'literature'; doi?: string; pubmedId?: number; correspondingAuthor?: Contact }
  | { kind: 'clinician'; contact?: Contact }
  | { kind: 'patient' };

export interface Diagnosis {
  disorderId: DisorderId;
  label?: string;
}

export interface GeneRef {
  symbol: string;
  hgncId: HgncId;
}

/** A variant: an HGVS description or an ISCN karyotype/microarray result, never both. */
export interface VariantEntry {
  /** Symbol of one of the case's genes. */
  gene?: string;
  hgvs?: HgvsVariant;
  iscn?: IscnExpression;
  testMethod: TestMethod;
  zygosity: Zygosity;
}

/** An HPO term observed (`excluded: false`) or explicitly ruled out (`excluded: true`). */
export interface PhenotypeEntry {
  hpoId: HpoId;
  excluded: boolean;
}

/** What a client tells about an image; the file itself is uploaded separately. */
export interface ImageMetadataInput {
  modality: ImageModality;
  ageAtCapture?: Age;
}

/** Levels a client may ask for; `withdrawn` only ever comes from a consent withdrawal. */
export type RequestedAccessLevel = CaseAccessLevel.Fair | CaseAccessLevel.Private;

/** A case as submitted (REST/GraphQL create), validated and normalised. */
export interface CaseInput {
  /** The institution's own id of the patient; unique per institution. */
  externalId: string;
  source: CaseSource;
  sex: Sex;
  ancestry: Ancestry[];
  ageAtLastExamination?: Age;
  diagnoses: Diagnosis[];
  genes: GeneRef[];
  variants: VariantEntry[];
  phenotypes: PhenotypeEntry[];
  distinctiveness?: Distinctiveness;
  images: ImageMetadataInput[];
  accessLevel: RequestedAccessLevel;
  solved: boolean;
}

/** Fields that a PATCH may clear with `null`. */
export type ClearableCaseField = 'ageAtLastExamination' | 'distinctiveness';

/** A PATCH: any subset of fields; `null` clears an optional field; lists are replaced whole. */
export type CasePatch = { [K in keyof CaseInput]?: K extends ClearableCaseField ? CaseInput[K] | null : CaseInput[K] };

/** A stored image of a case (longitudinal: many per case). */
export interface CaseImage {
  id: string;
  modality: ImageModality;
  ageAtCapture?: Age;
  objectKey: string;
  sha256: string;
  encodeStatus: 'pending' | 'done' | 'failed';
  encodeErrorCode?: string;
  face?: { box: { x: number; y: number; width: number; height: number }; landmarks: [number, number][]; quality: number };
}

/** The whole record of one patient, as case-service keeps it. */
export interface CaseRecord extends Omit<CaseInput, 'images' | 'accessLevel'> {
  /** Opaque and stable; never reused. */
  id: string;
  institutionId: string;
  accessLevel: CaseAccessLevel;
  responsibleClinicians: string[];
  images: CaseImage[];
  createdAt: string;
  updatedAt: string;
}
