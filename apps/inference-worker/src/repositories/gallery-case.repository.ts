import { Injectable } from '@nestjs/common';
import type { AccessLevel } from '@gmdb/domain';
import type { EntityManager } from 'typeorm';
import { GalleryCaseEntity } from '../entities/gallery-case.entity';
import type { GalleryMeta } from './embedding.repository';

export interface GalleryCase {
  caseId: string;
  accessLevel: AccessLevel;
  disorderIds: string[];
  geneSymbols: string[];
}

/** The last gallery metadata case-service announced per case (case.gallery-changed). */
@Injectable()
export class GalleryCaseRepository {
  async save(manager: EntityManager, value: GalleryCase): Promise<void> {
    const row = {
      accessLevel: value.accessLevel,
      disorderIds: JSON.stringify(value.disorderIds),
      geneSymbols: JSON.stringify(value.geneSymbols),
      updatedAt: new Date(),
    };
    const exists = await manager.exists(GalleryCaseEntity, { where: { caseId: value.caseId } });
    if (exists) await manager.update(GalleryCaseEntity, { caseId: value.caseId }, row);
    else await manager.insert(GalleryCaseEntity, { caseId: value.caseId, ...row });
  }

  async find(manager: EntityManager, caseId: string): Promise<GalleryCase | null> {
    const row = await manager.findOneBy(GalleryCaseEntity, { caseId });
    return row ? { caseId, accessLevel: row.accessLevel, disorderIds: parseList(row.disorderIds), geneSymbols: parseList(row.geneSymbols) } : null;
  }

  async delete(manager: EntityManager, caseId: string): Promise<void> {
    await manager.delete(GalleryCaseEntity, { caseId });
  }
}

/** A case the worker has not heard of yet counts as private without labels: in the index, never shown, ranks nothing. */
export function metaOf(found: GalleryCase | null): GalleryMeta {
  if (!found || found.accessLevel === 'withdrawn') return { accessLevel: null, disorderIds: [], geneSymbols: [] };
  return { accessLevel: found.accessLevel, disorderIds: found.disorderIds, geneSymbols: found.geneSymbols };
}

export function parseList(text: string | null): string[] {
  if (!text) return [];
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
