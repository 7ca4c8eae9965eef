import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUniqueViolation } from '@gmdb/platform';
import type { EntityManager } from 'typeorm';
import type { PublicationRef } from './case-input.mapper';
import { CasePublicationEntity } from './entities/case-publication.entity';

/** Publications cases are curated from: one row per paper, shared by its cases. */
@Injectable()
export class CasePublicationRepository {
  /**
   * The publication with this DOI or PubMed id, created when new; a missing DOI / PubMed id or
   * corresponding author of a known paper is filled in. Safe against concurrent creation.
   */
  async findOrCreate(manager: EntityManager, ref: PublicationRef, now: Date): Promise<CasePublicationEntity> {
    for (let attempt = 0; ; attempt += 1) {
      const found = await this.find(manager, ref);
      if (found) return this.complete(manager, found, ref);
      const created: CasePublicationEntity = {
        id: randomUUID(),
        doi: ref.doi,
        pubmedId: ref.pubmedId,
        correspondingAuthor: ref.correspondingAuthor,
        createdAt: now,
      };
      try {
        await manager.insert(CasePublicationEntity, created);
        return created;
      } catch (e) {
        if (!isUniqueViolation(e) || attempt > 0) throw e;
      }
    }
  }

  private async find(manager: EntityManager, ref: PublicationRef): Promise<CasePublicationEntity | null> {
    const repo = manager.getRepository(CasePublicationEntity);
    if (ref.doi) {
      const byDoi = await repo.findOneBy({ doi: ref.doi });
      if (byDoi) return byDoi;
    }
    return ref.pubmedId !== null ? repo.findOneBy({ pubmedId: ref.pubmedId }) : null;
  }

  private async complete(manager: EntityManager, found: CasePublicationEntity, ref: PublicationRef): Promise<CasePublicationEntity> {
    const patch: Partial<CasePublicationEntity> = {};
    if (!found.doi && ref.doi) patch.doi = ref.doi;
    if (found.pubmedId === null && ref.pubmedId !== null) patch.pubmedId = ref.pubmedId;
    if (!found.correspondingAuthor && ref.correspondingAuthor) patch.correspondingAuthor = ref.correspondingAuthor;
    if (Object.keys(patch).length === 0) return found;
    try {
      await manager.update(CasePublicationEntity, { id: found.id }, patch);
      return { ...found, ...patch };
    } catch (e) {
      // Another row already holds that DOI / PubMed id: keep this one as it was.
      if (isUniqueViolation(e)) return found;
      throw e;
    }
  }
}
