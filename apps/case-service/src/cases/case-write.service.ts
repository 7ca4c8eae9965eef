import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CaseAccessLevel,
  type CaseInput,
  type CasePatch,
  DomainError,
  ErrorCode,
  EventName,
  type Principal,
  Role,
  hasRole,
} from '@gmdb/domain';
import { transactionWithRetry } from '@gmdb/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { caseNotFound, caseResourceOf } from './case-access.service';
import { CaseEventEmitter } from './case-events.emitter';
import { CaseImageDirectory } from './case-images.port';
import { type CaseChanges, changesOf, changesOfInput } from './case-input.mapper';
import { toCaseModel } from './case.mapper';
import { CasePublicationRepository } from './case-publication.repository';
import { CaseRepository } from './case.repository';
import { assertCanEdit, owningInstitution } from './case-write.policy';
import type { CaseEntity } from './entities/case.entity';
import type { CaseModel } from './models/case.model';

export const CASE_CLOCK = Symbol.for('gmdb.case.clock');

/** The result of an upsert: the case and whether it was new. */
export interface UpsertResult {
  created: boolean;
  case: CaseModel;
}

/** Creates (upserts by institution + external id), changes and deletes cases. */
@Injectable()
export class CaseWriteService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly publications: CasePublicationRepository,
    private readonly events: CaseEventEmitter,
    private readonly images: CaseImageDirectory,
    @Inject(CASE_CLOCK) private readonly now: () => Date,
  ) {}

  /**
   * Creates the case, or replaces the record of the caller's institution with the same
   * external id. Concurrent creations of one external id end in one case; a transaction the
   * database rolled back (deadlock, lock wait) is run again.
   */
  async upsert(principal: Principal, input: CaseInput): Promise<UpsertResult> {
    const institutionId = owningInstitution(principal);
    return transactionWithRetry(this.dataSource, (manager) => this.upsertIn(manager, principal, institutionId, input), { transient: 4, unique: 2 });
  }

  async patch(principal: Principal, caseId: string, patch: CasePatch): Promise<CaseModel> {
    return this.dataSource.transaction(async (manager) => {
      const existing = await this.loadForEdit(manager, principal, caseId);
      await this.apply(manager, existing.id, changesOf(patch));
      return this.finish(manager, existing.id);
    });
  }

  /** Deletes a case and its lists; emits `case.deleted` when that event is routed. */
  async delete(principal: Principal, caseId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const existing = await this.loadForEdit(manager, principal, caseId);
      await this.images.removeAllOf(manager, existing.id);
      await this.cases.delete(manager, existing.id);
      await this.events.deleted(manager, existing.id);
    });
  }

  private async upsertIn(manager: EntityManager, principal: Principal, institutionId: string, input: CaseInput): Promise<UpsertResult> {
    const existing = await this.cases.findByExternalId(manager, institutionId, input.externalId);
    const changes = changesOfInput(input);
    if (existing) {
      if (existing.accessLevel === CaseAccessLevel.Withdrawn) {
        throw new DomainError(ErrorCode.CONFLICT, 'This external id belongs to a withdrawn case; it cannot be written again');
      }
      assertCanEdit(principal, caseResourceOf(existing));
      await this.apply(manager, existing.id, changes);
      return { created: false, case: await this.finish(manager, existing.id) };
    }
    const id = randomUUID();
    const publicationId = await this.publicationIdOf(manager, changes);
    await this.cases.insert(
      manager,
      {
        id,
        institutionId,
        externalId: input.externalId,
        publicationId: publicationId ?? null,
        accessLevel: input.accessLevel,
        createdAt: this.now(),
        ...fullColumns(changes),
      },
      { diagnoses: [], genes: [], ancestries: [], phenotypes: [], ...changes.children },
    );
    const clinicians = principal.kind === 'user' && hasRole(principal, Role.Clinician) ? [principal.subject] : [];
    for (const subject of clinicians) await this.cases.addMember(manager, id, 'clinician', subject);
    await this.events.registered(manager, { caseId: id, institutionId, clinicians });
    return { created: true, case: await this.finish(manager, id) };
  }

  private async loadForEdit(manager: EntityManager, principal: Principal, caseId: string): Promise<CaseEntity> {
    const existing = await this.cases.findFull(caseId, manager);
    if (!existing) throw caseNotFound();
    assertCanEdit(principal, caseResourceOf(existing));
    return existing;
  }

  private async apply(manager: EntityManager, caseId: string, changes: CaseChanges): Promise<void> {
    const publicationId = await this.publicationIdOf(manager, changes);
    await this.cases.update(
      manager,
      caseId,
      {
        ...changes.columns,
        ...(publicationId !== undefined ? { publicationId } : {}),
        ...(changes.accessLevel !== undefined ? { accessLevel: changes.accessLevel } : {}),
      },
      changes.children,
      this.now(),
    );
  }

  /** undefined: leave the publication as it is. */
  private async publicationIdOf(manager: EntityManager, changes: CaseChanges): Promise<string | null | undefined> {
    if (changes.publication === undefined) return undefined;
    if (changes.publication === null) return null;
    return (await this.publications.findOrCreate(manager, changes.publication, this.now())).id;
  }

  /** Re-reads the case, tells the gallery about it, returns its model. */
  private async finish(manager: EntityManager, caseId: string): Promise<CaseModel> {
    const entity = await this.cases.findFull(caseId, manager);
    if (!entity) throw caseNotFound();
    const model = toCaseModel(entity);
    if (!this.events.isRouted(EventName.CaseGalleryChanged)) return model;
    await this.events.galleryChanged(manager, {
      caseId,
      accessLevel: model.accessLevel as CaseAccessLevel,
      disorderIds: model.diagnoses.map((d) => d.disorderId),
      geneSymbols: model.genes.map((g) => g.symbol),
      // Through the transaction's own connection: another pool connection here starves the pool under load.
      imageIds: (await this.images.imagesOf(caseId, manager)).map((i) => i.id),
    });
    return model;
  }
}

function fullColumns(changes: CaseChanges) {
  const c = changes.columns;
  return {
    sourceKind: c.sourceKind ?? 'patient',
    sourceContact: c.sourceContact ?? null,
    sex: c.sex ?? 'unknown',
    ageAtLastExamination: c.ageAtLastExamination ?? null,
    ageAtLastExaminationDays: c.ageAtLastExaminationDays ?? null,
    variants: c.variants ?? [],
    distinctiveness: c.distinctiveness ?? null,
    solved: c.solved ?? false,
  };
}
