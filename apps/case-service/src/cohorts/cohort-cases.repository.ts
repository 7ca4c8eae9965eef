import { Injectable } from '@nestjs/common';
import type { CaseResource } from '@gmdb/domain';
import { DataSource, In } from 'typeorm';
import { caseResourceOf } from '../cases/case-access.service';
import { CaseEntity } from '../cases/entities/case.entity';
import { ImageEntity } from '../images/image.entity';

const CHUNK = 200;

/** What a cohort comparison reads of cases: the access policy's facts and the portrait photo ids. */
@Injectable()
export class CohortCasesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The policy's view of each existing case among `caseIds` (missing ones absent from the map). */
  async resourcesOf(caseIds: readonly string[]): Promise<Map<string, CaseResource>> {
    const out = new Map<string, CaseResource>();
    for (let i = 0; i < caseIds.length; i += CHUNK) {
      const rows = await this.dataSource.getRepository(CaseEntity).find({ where: { id: In(caseIds.slice(i, i + CHUNK)) }, relations: { members: true } });
      for (const row of rows) out.set(row.id, caseResourceOf(row));
    }
    return out;
  }

  /** Ids of the portrait photos of these cases, in id order. */
  async portraitImageIds(caseIds: readonly string[]): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < caseIds.length; i += CHUNK) {
      const rows = await this.dataSource.getRepository(ImageEntity).find({
        where: { caseId: In(caseIds.slice(i, i + CHUNK)), modality: 'portrait' },
        select: { id: true },
      });
      out.push(...rows.map((r) => r.id));
    }
    return out.sort();
  }
}
