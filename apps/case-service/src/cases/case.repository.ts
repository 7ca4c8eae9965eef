import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { CaseChildren, CaseColumns } from './case-input.mapper';
import { CaseAncestryEntity } from './entities/case-ancestry.entity';
import { CaseDiagnosisEntity } from './entities/case-diagnosis.entity';
import { CaseGeneEntity } from './entities/case-gene.entity';
import { type CaseMemberRole, CaseMemberEntity } from './entities/case-member.entity';
import { CasePhenotypeEntity } from './entities/case-phenotype.entity';
import { CaseEntity } from './entities/case.entity';

const FULL_RELATIONS = { diagnoses: true, genes: true, ancestries: true, phenotypes: true, members: true, publication: true } as const;

/** Which cases a search may return before the access policy looks at each (a superset of what it allows). */
export type CaseSearchScope =
  | { kind: 'institution'; institutionId: string }
  | { kind: 'viewer'; subject?: string; caseIds: readonly string[]; fairOnly: boolean };

export interface CaseSearchFilter {
  disorderId?: string;
  geneSymbol?: string;
  ancestry?: string;
  sex?: string;
  ageMinDays?: number;
  ageMaxDays?: number;
}

/** Keyset position: the last row of the previous page (newest first). */
export interface CaseSearchPosition {
  createdAt: Date;
  id: string;
}

export interface NewCaseRow extends CaseColumns {
  id: string;
  institutionId: string;
  externalId: string;
  publicationId: string | null;
  accessLevel: string;
  createdAt: Date;
}

/** Counts over FAIR cases only. */
export interface FairCounts {
  patients: number;
  disorders: number;
  genes: number;
  byAncestry: { group: string; patients: number }[];
  caseIds: string[];
}

/** The case tables (cases and their child lists). Writes take the caller's transaction manager. */
@Injectable()
export class CaseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The columns and members the access policy needs. */
  findAccessFacts(id: string): Promise<CaseEntity | null> {
    return this.dataSource.getRepository(CaseEntity).findOne({ where: { id }, relations: { members: true } });
  }

  findFull(id: string, manager: EntityManager = this.dataSource.manager): Promise<CaseEntity | null> {
    return manager.getRepository(CaseEntity).findOne({ where: { id }, relations: FULL_RELATIONS });
  }

  /** Whole cases in the order of `ids` (missing ones skipped). */
  async findFullMany(ids: readonly string[]): Promise<CaseEntity[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.getRepository(CaseEntity).find({ where: ids.map((id) => ({ id })), relations: FULL_RELATIONS });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  findByExternalId(manager: EntityManager, institutionId: string, externalId: string): Promise<CaseEntity | null> {
    return manager.getRepository(CaseEntity).findOne({ where: { institutionId, externalId }, relations: { members: true } });
  }

  async insert(manager: EntityManager, row: NewCaseRow, children: CaseChildren): Promise<void> {
    await manager.insert(CaseEntity, {
      ...row,
      updatedAt: row.createdAt,
      revision: 1,
      consentId: null,
      consentVersion: null,
    });
    await this.writeChildren(manager, row.id, children, true);
  }

  /** Updates columns, bumps the revision and replaces the given child lists whole. */
  async update(
    manager: EntityManager,
    id: string,
    columns: Partial<CaseColumns> & { publicationId?: string | null; accessLevel?: string },
    children: Partial<CaseChildren>,
    now: Date,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(CaseEntity)
      .set({ ...columns, updatedAt: now, revision: () => 'revision + 1' })
      .where('id = :id', { id })
      .execute();
    await this.writeChildren(manager, id, children);
  }

  async addMember(manager: EntityManager, caseId: string, role: CaseMemberRole, subject: string): Promise<void> {
    const exists = await manager.existsBy(CaseMemberEntity, { caseId, role, subject });
    if (!exists) await manager.insert(CaseMemberEntity, { caseId, role, subject });
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    for (const child of [CaseDiagnosisEntity, CaseGeneEntity, CaseAncestryEntity, CasePhenotypeEntity, CaseMemberEntity]) {
      await manager.delete(child, { caseId: id });
    }
    await manager.delete(CaseEntity, { id });
  }

  /** Sets the access level from a consent (the row is locked by the caller's transaction). */
  async setAccessLevel(manager: EntityManager, id: string, level: string, consentId: string, consentVersion: number, now: Date): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(CaseEntity)
      .set({ accessLevel: level, consentId, consentVersion, updatedAt: now, revision: () => 'revision + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** Ids of matching cases, newest first, after `after`; at most `limit`. */
  async searchIds(scope: CaseSearchScope, filter: CaseSearchFilter, after: CaseSearchPosition | undefined, limit: number): Promise<{ id: string; createdAt: Date }[]> {
    const qb = this.dataSource.getRepository(CaseEntity).createQueryBuilder('c').select(['c.id', 'c.createdAt']);
    applyScope(qb, scope);
    applyFilter(qb, filter);
    if (after) {
      qb.andWhere('(c.created_at < :afterAt OR (c.created_at = :afterAt AND c.id < :afterId))', { afterAt: after.createdAt, afterId: after.id });
    }
    const rows = await qb.orderBy('c.created_at', 'DESC').addOrderBy('c.id', 'DESC').take(limit).getMany();
    return rows.map((r) => ({ id: r.id, createdAt: r.createdAt }));
  }

  /** Public statistics: FAIR cases only. */
  async fairCounts(): Promise<FairCounts> {
    const fair = { level: 'fair' };
    const ids = await this.dataSource.getRepository(CaseEntity).find({ select: { id: true }, where: { accessLevel: 'fair' } });
    const distinct = async (table: string, column: string): Promise<number> => {
      const row = await this.dataSource
        .createQueryBuilder()
        .select(`COUNT(DISTINCT x.${column})`, 'n')
        .from(table, 'x')
        .innerJoin('cases', 'c', 'c.id = x.case_id AND c.access_level = :level', fair)
        .getRawOne<{ n: number | string }>();
      return Number(row?.n ?? 0);
    };
    const byAncestry = await this.dataSource
      .createQueryBuilder()
      .select('a.ancestry_group', 'grp')
      .addSelect('COUNT(DISTINCT a.case_id)', 'n')
      .from('case_ancestries', 'a')
      .innerJoin('cases', 'c', 'c.id = a.case_id AND c.access_level = :level', fair)
      .groupBy('a.ancestry_group')
      .orderBy('a.ancestry_group', 'ASC')
      .getRawMany<{ grp: string; n: number | string }>();
    return {
      patients: ids.length,
      disorders: await distinct('case_diagnoses', 'disorder_id'),
      genes: await distinct('case_genes', 'symbol'),
      byAncestry: byAncestry.map((r) => ({ group: r.grp, patients: Number(r.n) })),
      caseIds: ids.map((r) => r.id),
    };
  }

  /** A label of the disorder as recorded on a FAIR case (null when none). */
  async fairDisorderLabel(disorderId: string): Promise<string | null> {
    const row = await this.dataSource
      .getRepository(CaseDiagnosisEntity)
      .createQueryBuilder('d')
      .innerJoin('cases', 'c', "c.id = d.case_id AND c.access_level = 'fair'")
      .where('d.disorder_id = :disorderId AND d.label IS NOT NULL', { disorderId })
      .orderBy('d.case_id', 'ASC')
      .getOne();
    return row?.label ?? null;
  }

  /** The HGNC id recorded with a gene symbol (null when no case names it). */
  async hgncIdOf(symbol: string): Promise<string | null> {
    const row = await this.dataSource.getRepository(CaseGeneEntity).findOne({ where: { symbol }, order: { caseId: 'ASC' } });
    return row?.hgncId ?? null;
  }

  /**
   * Replaces the given child lists whole. For a new case there is nothing to delete, and
   * skipping the delete matters: on MariaDB a delete of absent rows takes gap locks on which
   * concurrent inserts of other new cases deadlock.
   */
  private async writeChildren(manager: EntityManager, caseId: string, children: Partial<CaseChildren>, fresh = false): Promise<void> {
    const lists: [keyof CaseChildren, typeof CaseDiagnosisEntity | typeof CaseGeneEntity | typeof CaseAncestryEntity | typeof CasePhenotypeEntity][] = [
      ['diagnoses', CaseDiagnosisEntity],
      ['genes', CaseGeneEntity],
      ['ancestries', CaseAncestryEntity],
      ['phenotypes', CasePhenotypeEntity],
    ];
    for (const [key, entity] of lists) {
      const items = children[key];
      if (!items) continue;
      if (!fresh) await manager.delete(entity, { caseId });
      if (items.length > 0) await manager.insert(entity, items.map((item, position) => ({ ...item, caseId, position })));
    }
  }
}

function applyScope(qb: SelectQueryBuilder<CaseEntity>, scope: CaseSearchScope): void {
  qb.where("c.access_level <> 'withdrawn'");
  if (scope.kind === 'institution') {
    qb.andWhere('c.institution_id = :institutionId', { institutionId: scope.institutionId });
    return;
  }
  const own: string[] = [];
  if (scope.subject) own.push('EXISTS (SELECT 1 FROM case_members m WHERE m.case_id = c.id AND m.subject = :subject)');
  if (scope.caseIds.length > 0) own.push('c.id IN (:...ownCaseIds)');
  const visible = scope.fairOnly || own.length === 0 ? ["c.access_level = 'fair'"] : ["c.access_level = 'fair'", ...own];
  qb.andWhere(`(${visible.join(' OR ')})`, { subject: scope.subject, ownCaseIds: scope.caseIds });
}

function applyFilter(qb: SelectQueryBuilder<CaseEntity>, f: CaseSearchFilter): void {
  if (f.disorderId) qb.andWhere('EXISTS (SELECT 1 FROM case_diagnoses d WHERE d.case_id = c.id AND d.disorder_id = :disorderId)', { disorderId: f.disorderId });
  if (f.geneSymbol) qb.andWhere('EXISTS (SELECT 1 FROM case_genes g WHERE g.case_id = c.id AND g.symbol = :geneSymbol)', { geneSymbol: f.geneSymbol });
  if (f.ancestry) qb.andWhere('EXISTS (SELECT 1 FROM case_ancestries a WHERE a.case_id = c.id AND a.ancestry_group = :ancestry)', { ancestry: f.ancestry });
  if (f.sex) qb.andWhere('c.sex = :sex', { sex: f.sex });
  if (f.ageMinDays !== undefined) qb.andWhere('c.age_at_last_examination_days >= :ageMin', { ageMin: f.ageMinDays });
  if (f.ageMaxDays !== undefined) qb.andWhere('c.age_at_last_examination_days <= :ageMax', { ageMax: f.ageMaxDays });
}
