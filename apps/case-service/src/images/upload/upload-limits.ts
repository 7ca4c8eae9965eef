import type { Provider } from '@nestjs/common';
import { APP_CONFIG } from '@gmdb/platform';
import type { CaseServiceConfig } from '../../config/case-service.config';
import type { PhotoNormalizerOptions } from './photo-normalizer';

/** The upload limits of case-service, from its configuration. */
export interface UploadLimits extends PhotoNormalizerOptions {
  /** Largest file in bytes (after base64 decoding). */
  maxBytes: number;
  /** Lifetime of presigned media URLs, in seconds. */
  urlTtlSeconds: number;
}

export const UPLOAD_LIMITS = Symbol.for('gmdb.case.UploadLimits');

export function uploadLimitsOf(config: CaseServiceConfig): UploadLimits {
  return {
    maxBytes: config.CASE_MAX_UPLOAD_BYTES,
    maxPixels: config.CASE_MAX_IMAGE_PIXELS,
    thumbnailSize: config.CASE_THUMBNAIL_SIZE,
    urlTtlSeconds: config.CASE_MEDIA_URL_TTL_SECONDS,
  };
}

/** Largest JSON body that can carry `maxBytes` of base64 plus its metadata fields. */
export function base64JsonLimit(maxBytes: number): number {
  return Math.ceil(maxBytes / 3) * 4 + 64 * 1024;
}

export const uploadLimitsProvider: Provider = {
  provide: UPLOAD_LIMITS,
  inject: [APP_CONFIG],
  useFactory: (config: CaseServiceConfig) => uploadLimitsOf(config),
};
