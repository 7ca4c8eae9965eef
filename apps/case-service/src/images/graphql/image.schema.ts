/** The images part's additions to the case subgraph (appended to case.schema.ts). */
export const imageSdl = /* GraphQL */ `
"""A face the inference worker found, in pixels of the stored (upright) photo."""
type FaceBox {
  x: Float!
  y: Float!
  width: Float!
  height: Float!
  score: Float!
}

extend type Image {
  "image/jpeg or image/png (photos are re-encoded with every metadata block removed)."
  contentType: String!
  byteSize: Int!
  "Hex SHA-256 of the stored bytes."
  sha256: String!
  "Faces found by the worker; empty until encoded."
  faces: [FaceBox!]!
  modelVersion: String
  "ISO 8601 timestamp of the worker's outcome."
  encodedAt: String
  "ISO 8601 timestamp of the upload."
  createdAt: String!
  "A short-lived presigned URL of the photo (CASE_MEDIA_URL_TTL_SECONDS)."
  url: String!
  "A short-lived presigned URL of the thumbnail."
  thumbnailUrl: String!
}

extend type Query {
  "One photo; null when it does not exist or the caller may not see its case."
  image(id: ID!): Image
}
`;
