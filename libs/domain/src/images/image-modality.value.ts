import { ValidationResult, enumValue } from '../validation';

/** What a case image shows. */
export enum ImageModality {
  Portrait = 'portrait',
  Mri = 'mri',
  XRay = 'x-ray',
  Fundoscopy = 'fundoscopy',
  Extremity = 'extremity',
  Other = 'other',
}

export const ALL_IMAGE_MODALITIES: readonly ImageModality[] = Object.values(ImageModality);

const check = enumValue(ALL_IMAGE_MODALITIES);
const ALIASES: Readonly<Record<string, ImageModality>> = { xray: ImageModality.XRay, 'x ray': ImageModality.XRay };

/** One of `ImageModality`, case-insensitive (`X-ray`, `xray` and `MRI` accepted). */
export function validateImageModality(input: unknown, path = ''): ValidationResult<ImageModality> {
  if (typeof input !== 'string') return check(input, path);
  const s = input.trim().toLowerCase();
  return check(ALIASES[s] ?? s, path);
}
