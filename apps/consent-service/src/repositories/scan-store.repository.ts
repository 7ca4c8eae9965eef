import { Injectable } from '@nestjs/common';
import { ObjectStorage, type StoredObject } from '@gmdb/platform';

/** Scans of signed paper consents in S3, under `consents/<caseId>/<consentId>/scan`. */
@Injectable()
export class ScanStoreRepository {
  constructor(private readonly storage: ObjectStorage) {}

  keyFor(caseId: string, consentId: string): string {
    return `consents/${caseId}/${consentId}/scan`;
  }

  put(key: string, bytes: Buffer, contentType: string): Promise<StoredObject> {
    return this.storage.put(key, bytes, { contentType });
  }

  get(key: string): Promise<Buffer> {
    return this.storage.getBuffer(key);
  }

  async remove(key: string): Promise<void> {
    await this.storage.delete(key);
  }
}
