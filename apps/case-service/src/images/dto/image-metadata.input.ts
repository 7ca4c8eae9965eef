import { type Age, type ImageModality, objectOf, unwrapValid, validateAge, validateImageModality } from '@gmdb/domain';

/** The metadata sent with a photo (multipart text fields or JSON fields beside `contentBase64`). */
export interface ImageMetadataInput {
  modality: ImageModality;
  ageAtCapture?: Age;
}

const reader = objectOf<ImageMetadataInput>((r) => {
  const modality = r.required('modality', validateImageModality);
  const ageAtCapture = r.optional('ageAtCapture', validateAge);
  return modality === undefined ? undefined : { modality, ...(ageAtCapture ? { ageAtCapture } : {}) };
});

/** Checks the metadata fields; unknown fields are refused (UNKNOWN_FIELD with their path). */
export function parseImageMetadata(fields: Record<string, unknown>): ImageMetadataInput {
  return unwrapValid(reader(fields, ''));
}
