import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataKind, DomainError, ErrorCode, JobName, type Principal, decideAccess } from '@gmdb/domain';
import { ObjectStorage, Outbox } from '@gmdb/platform';
import { CaseAccessService } from '../cases/case-access.service';
import { PhotoNormalizer } from '../images/upload/photo-normalizer';
import type { ReceivedUpload } from '../images/upload/received-upload';
import { UPLOAD_LIMITS, type UploadLimits } from '../images/upload/upload-limits';
import { AnalysisEntity } from './analysis.entity';
import { type AnalysisResult, parseAnalysisResult } from './analysis-result';
import { AnalysisRepository } from './analysis.repository';
import { parseAnalysisRequest } from './dto/analysis-request.input';

export const analysisNotFound = (): DomainError => new DomainError(ErrorCode.ANALYSIS_NOT_FOUND, 'No such analysis');

/**
 * Analyses: a signed-in user's photo, checked like a case photo, stored under `analyses/<uuid>`
 * (not a case, not in the gallery), with an `analyze-photo` job in the same transaction (when
 * the worker's route is on). Only the owner reads it; others get 404 like a missing one.
 */
@Injectable()
export class AnalysisService {
  private readonly logger = new Logger('Analyses');
  private readonly normalizer: PhotoNormalizer;

  constructor(
    private readonly analyses: AnalysisRepository,
    private readonly cases: CaseAccessService,
    private readonly storage: ObjectStorage,
    private readonly outbox: Outbox,
    @Inject(UPLOAD_LIMITS) limits: UploadLimits,
  ) {
    this.normalizer = new PhotoNormalizer(limits);
  }

  async create(principal: Principal, upload: ReceivedUpload): Promise<AnalysisEntity> {
    const owner = assertMayAnalyze(principal);
    const request = parseAnalysisRequest(upload.fields);
    const photo = await this.normalizer.normalize(upload.bytes, { path: upload.path });
    const analysis = Object.assign(new AnalysisEntity(), {
      id: randomUUID(),
      ownerSubject: owner,
      objectKey: `analyses/${randomUUID()}`,
      contentType: photo.contentType,
      byteSize: photo.bytes.length,
      sha256: photo.sha256,
      width: photo.width,
      height: photo.height,
      slots: request.slots,
      status: 'queued',
      errorCode: null,
      resultKey: null,
      result: null,
      createdAt: new Date(),
      completedAt: null,
    } satisfies AnalysisEntity);
    await this.storage.put(analysis.objectKey, photo.bytes, { contentType: photo.contentType });
    try {
      await this.analyses.transaction(async (manager) => {
        await this.analyses.insert(manager, analysis);
        await this.outbox.addIfRouted(
          manager,
          { name: JobName.AnalyzePhoto, payload: { analysisId: analysis.id, objectKey: analysis.objectKey, slots: request.slots } },
          { jobId: `analyze-${analysis.id}` },
        );
      });
    } catch (e) {
      await this.storage.delete(analysis.objectKey).catch((err: unknown) => this.logger.error(`Orphaned ${analysis.objectKey}: ${String(err)}`));
      throw e;
    }
    return analysis;
  }

  /** The analysis and its result as `principal` may see it (its owner only; nearest cases filtered by the policy). */
  async get(principal: Principal, id: string): Promise<{ analysis: AnalysisEntity; result: AnalysisResult | null }> {
    const analysis = await this.analyses.findById(id);
    if (!analysis || principal.kind !== 'user' || principal.subject !== analysis.ownerSubject) throw analysisNotFound();
    assertMayAnalyze(principal);
    const stored = analysis.result ? parseAnalysisResult(analysis.result) : null;
    return { analysis, result: stored ? await this.visibleTo(principal, stored) : null };
  }

  /** Drops nearest patients the reader may not see (a private case is never named to others). */
  private async visibleTo(principal: Principal, result: AnalysisResult): Promise<AnalysisResult> {
    const allowed = new Map<string, boolean>();
    for (const caseId of new Set(result.patients.map((p) => p.caseId))) {
      const resource = await this.cases.resourceOf(caseId);
      allowed.set(caseId, resource !== null && decideAccess(principal, DataKind.AnalysisNearestCase, resource).allowed);
    }
    return { ...result, patients: result.patients.filter((p) => allowed.get(p.caseId) === true) };
  }
}

/** A signed-in user the policy lets see rankings; returns their subject. */
function assertMayAnalyze(principal: Principal): string {
  const decision = decideAccess(principal, DataKind.AnalysisRanking);
  if (!decision.allowed || principal.kind !== 'user') {
    throw principal.kind === 'anonymous'
      ? new DomainError(ErrorCode.UNAUTHENTICATED, 'Authentication required')
      : new DomainError(ErrorCode.FORBIDDEN, 'Analyses are for signed-in registered users');
  }
  return principal.subject;
}
