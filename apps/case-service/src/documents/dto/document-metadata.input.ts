import { enumValue, objectOf, stringValue, unwrapValid } from '@gmdb/domain';

export const DOCUMENT_KINDS = ['letter', 'lab-report', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The fields sent with a document (multipart text fields or JSON beside `contentBase64`). */
export interface DocumentMetadataInput {
  kind: DocumentKind;
  title?: string;
}

const reader = objectOf<DocumentMetadataInput>((r) => {
  const kind = r.required('kind', enumValue(DOCUMENT_KINDS));
  // eslint-disable-next-line no-control-regex
  const title = r.optional('title', stringValue({ maxLength: 200, pattern: /^[^\u0000-\u001f\u007f]*$/, patternHint: 'text without control characters' }));
  return kind === undefined ? undefined : { kind, ...(title ? { title } : {}) };
});

export function parseDocumentMetadata(fields: Record<string, unknown>): DocumentMetadataInput {
  return unwrapValid(reader(fields, ''));
}
