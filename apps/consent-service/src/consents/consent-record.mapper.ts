import type { ConsentChoices, ConsentRecord, ConsentSigner } from '@gmdb/domain';
import type { ConsentVersionEntity } from '../entities/consent-version.entity';

/** A stored version as the domain rules see it. */
export function toConsentRecord(entity: ConsentVersionEntity): ConsentRecord {
  const signer: ConsentSigner | undefined =
    entity.signerName && entity.signerRelation && entity.signedAt
      ? { name: entity.signerName, relation: entity.signerRelation as ConsentSigner['relation'], signedAt: new Date(entity.signedAt).toISOString() }
      : undefined;
  return {
    id: entity.id,
    caseId: entity.caseId,
    seriesId: entity.seriesId,
    version: entity.version,
    state: entity.state as ConsentRecord['state'],
    method: entity.method as ConsentRecord['method'],
    kind: entity.kind as ConsentRecord['kind'],
    templateVersion: entity.templateVersion,
    language: entity.language as ConsentRecord['language'],
    choices: JSON.parse(entity.choices) as ConsentChoices,
    ...(signer ? { signer } : {}),
    hasSignatureImage: Boolean(entity.hasSignatureImage),
    hasScan: entity.scanKey !== null,
    effectiveFrom: new Date(entity.effectiveFrom).toISOString(),
    createdAt: new Date(entity.createdAt).toISOString(),
    ...(entity.withdrawnAt ? { withdrawnAt: new Date(entity.withdrawnAt).toISOString() } : {}),
    responsibleClinician: entity.responsibleClinician,
    ...(entity.institutionId ? { institutionId: entity.institutionId } : {}),
  };
}
