import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ObjectNotFoundError, ObjectStorage } from '@gmdb/platform';

/**
 * The worker's S3 objects: it reads photos (case-service stored them), writes aligned face crops
 * and analysis results, and deletes crops when their photo leaves the gallery. Crop keys derive
 * from the image id through a hash (opaque, and the same on a second encode).
 */
@Injectable()
export class WorkerObjectStore {
  constructor(private readonly storage: ObjectStorage) {}

  /** The photo's bytes, or null when the object is gone. */
  async getPhoto(key: string): Promise<Buffer | null> {
    try {
      return await this.storage.getBuffer(key);
    } catch (e) {
      if (e instanceof ObjectNotFoundError) return null;
      throw e;
    }
  }

  async putCrop(imageId: string, png: Buffer): Promise<string> {
    const key = cropKeyOf(imageId);
    await this.storage.put(key, png, { contentType: 'image/png' });
    return key;
  }

  async deleteObjects(keys: readonly string[]): Promise<void> {
    for (const key of new Set(keys)) await this.storage.delete(key);
  }

  async putResult(analysisId: string, result: unknown): Promise<string> {
    const key = `analysis-results/${createHash('sha256').update(analysisId).digest('hex').slice(0, 40)}.json`;
    await this.storage.put(key, JSON.stringify(result), { contentType: 'application/json' });
    return key;
  }

  /** A cohort comparison's result; the key derives from its id (a rerun overwrites the same object). */
  async putCohortComparison(comparisonId: string, result: unknown): Promise<string> {
    const key = `cohort-comparisons/${createHash('sha256').update(comparisonId).digest('hex').slice(0, 40)}.json`;
    await this.storage.put(key, JSON.stringify(result), { contentType: 'application/json' });
    return key;
  }

  getJson(key: string): Promise<Buffer> {
    return this.storage.getBuffer(key);
  }
}

export function cropKeyOf(imageId: string): string {
  return `crops/${createHash('sha256').update(`crop:${imageId}`).digest('hex').slice(0, 40)}.png`;
}
