/** The analyses part's additions to the case subgraph (appended to case.schema.ts). */
export const analysisSdl = /* GraphQL */ `
"""A disorder ranked by the distance of its nearest gallery image (ascending)."""
type RankedDisorder {
  rank: Int!
  "OMIM / MONDO / Orphanet id."
  disorderId: String!
  name: String
  "Mean over slots of the cosine distance 1 - cos."
  distance: Float!
  "Similarity score; higher is more similar."
  gestaltScore: Float!
}

type RankedGene {
  rank: Int!
  "HGNC symbol."
  symbol: String!
  hgncId: String
  distance: Float!
  gestaltScore: Float!
}

"""A gallery case near the photo; only cases the caller may see are listed."""
type RankedPatient {
  rank: Int!
  caseId: ID!
  imageId: ID!
  distance: Float!
  gestaltScore: Float!
}

type AnalysisResult {
  modelVersion: String!
  "Test-time augmentation slots compared (3 or 12)."
  slots: Int!
  "True when the encoders had generated (untrained) weights: the ranking means nothing."
  generatedWeights: Boolean!
  disorders: [RankedDisorder!]!
  genes: [RankedGene!]!
  patients: [RankedPatient!]!
}

"""A photo analysed by GestaltMatcher (not a case); visible to its owner only."""
type Analysis {
  id: ID!
  "queued, running, done or failed."
  status: String!
  "Why it failed (IMAGE_NO_FACE, IMAGE_MULTIPLE_FACES, ANALYSIS_RESULT_INVALID...)."
  errorCode: String
  width: Int!
  height: Int!
  slots: Int!
  createdAt: String!
  completedAt: String
  "Set when the ranking must not be trusted (generated encoder weights)."
  notice: String
  result: AnalysisResult
}

extend type Query {
  "One of your analyses; null when it does not exist or is not yours. Submit photos with POST /api/v1/analyses."
  analysis(id: ID!): Analysis
}
`;
