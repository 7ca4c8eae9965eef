/** The case types of the case subgraph (schema-first). Field names match the REST models. */
export const caseTypesSdl = /* GraphQL */ `
"""A person to contact about a case."""
type CaseContact {
  name: String!
  email: String
  "ORCID iD, e.g. 0000-0002-1825-0097."
  orcid: String
  institution: String
}

"""Where a case comes from. A literature case names its publication (shared by the cases of one paper)."""
type CaseSource {
  "literature, clinician or patient."
  kind: String!
  publicationId: ID
  doi: String
  pubmedId: Int
  correspondingAuthor: CaseContact
  "The submitting clinician of a clinician source."
  contact: CaseContact
}

type CaseAncestry {
  "Ancestry group key, e.g. european."
  group: String!
  hancestroId: String!
  "ISO 3166-1 alpha-2 codes."
  countries: [String!]!
}

type CaseDiagnosis {
  disorderId: ID!
  label: String
  disorder: Disorder!
}

type CaseVariant {
  gene: String
  hgvs: String
  iscn: String
  testMethod: String!
  "GENO id."
  zygosity: String!
}

type CasePhenotype {
  hpoId: ID!
  "true: explicitly ruled out."
  excluded: Boolean!
}

"""A disorder (OMIM, MONDO or Orphanet id)."""
type Disorder @key(fields: "id") {
  id: ID!
  "A label as recorded on a FAIR case; null when none is known."
  label: String
}

"""A gene by its HGNC symbol."""
type Gene @key(fields: "symbol") {
  symbol: String!
  hgncId: String
}

"""One patient's case. Only readable as the access policy allows (a private case: its responsible clinicians and its patient)."""
type Case @key(fields: "id") {
  id: ID!
  institutionId: String!
  externalId: String!
  source: CaseSource!
  "female, male, other or unknown."
  sex: String!
  ancestry: [CaseAncestry!]!
  "ISO 8601 duration."
  ageAtLastExamination: String
  diagnoses: [CaseDiagnosis!]!
  genes: [Gene!]!
  variants: [CaseVariant!]!
  phenotypes: [CasePhenotype!]!
  "1 supportive, 2 important, 3 key."
  distinctiveness: Int
  "private, fair (or withdrawn, never shown)."
  accessLevel: String!
  solved: Boolean!
  responsibleClinicians: [String!]!
  "The case's photos, oldest first."
  images: [Image!]!
  revision: Int!
  createdAt: String!
  updatedAt: String!
}

type CaseEdge {
  cursor: String!
  node: Case!
}

type CasePageInfo {
  hasNextPage: Boolean!
  "Pass as after for the next page."
  endCursor: String
}

type CaseConnection {
  edges: [CaseEdge!]!
  pageInfo: CasePageInfo!
}

"""Gallery filters; all optional, combined with AND. Ages are whole years at the last examination."""
input GalleryFilter {
  disorderId: String
  geneSymbol: String
  ancestry: String
  sex: String
  ageMin: Int
  ageMax: Int
  "Cases with a photo of this modality (portrait, mri, x-ray...)."
  modality: String
}

type AncestryCount {
  group: String!
  hancestroId: String!
  label: String!
  patients: Int!
}

"""Public counts over FAIR cases."""
type CaseStatistics {
  patients: Int!
  images: Int!
  disorders: Int!
  genes: Int!
  byAncestry: [AncestryCount!]!
}

input CaseContactInput {
  name: String!
  email: String
  orcid: String
  institution: String
}

input CaseSourceInput {
  kind: String!
  doi: String
  pubmedId: Int
  correspondingAuthor: CaseContactInput
  contact: CaseContactInput
}

input CaseAncestryInput {
  group: String!
  countries: [String!]
}

input CaseDiagnosisInput {
  disorderId: String!
  label: String
}

input CaseGeneInput {
  symbol: String!
  hgncId: String!
}

input CaseVariantInput {
  gene: String
  hgvs: String
  iscn: String
  testMethod: String!
  zygosity: String!
}

input CasePhenotypeInput {
  hpoId: String!
  excluded: Boolean
}

input CaseImageMetadataInput {
  modality: String!
  ageAtCapture: String
}

"""A whole case; upserted by (your institution, externalId)."""
input CaseInput {
  externalId: String!
  source: CaseSourceInput!
  sex: String!
  ancestry: [CaseAncestryInput!]
  "ISO 8601 duration, e.g. P4Y6M."
  ageAtLastExamination: String
  diagnoses: [CaseDiagnosisInput!]
  genes: [CaseGeneInput!]
  variants: [CaseVariantInput!]
  phenotypes: [CasePhenotypeInput!]
  distinctiveness: Int
  images: [CaseImageMetadataInput!]
  "private (default) or fair."
  accessLevel: String
  solved: Boolean
}

"""Some fields of a case; null clears ageAtLastExamination / distinctiveness and empties a list."""
input CasePatchInput {
  externalId: String
  source: CaseSourceInput
  sex: String
  ancestry: [CaseAncestryInput!]
  ageAtLastExamination: String
  diagnoses: [CaseDiagnosisInput!]
  genes: [CaseGeneInput!]
  variants: [CaseVariantInput!]
  phenotypes: [CasePhenotypeInput!]
  distinctiveness: Int
  images: [CaseImageMetadataInput!]
  accessLevel: String
  solved: Boolean
}

type CaseUpsertResult {
  "false when a case of your institution with this externalId was replaced."
  created: Boolean!
  case: Case!
}
`;
