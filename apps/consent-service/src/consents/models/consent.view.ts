import type { ConsentChoices, ConsentSigner } from '@gmdb/domain';
import type { ConsentVersionEntity } from '../../entities/consent-version.entity';
import { toConsentRecord } from '../consent-record.mapper';

/** A consent version as the REST API shows it (domain values: `fair`, `parent`, ...). */
export interface ConsentView {
  id: string;
  caseId: string;
  /** The case's consent across its versions (the FHIR Consent id, the `consentId` of events). */
  seriesId: string;
  version: number;
  state: string;
  kind: string;
  method: string;
  accessLevel: string;
  templateVersion: string;
  language: string;
  choices: ConsentChoices;
  signer: ConsentSigner | null;
  hasSignatureImage: boolean;
  hasScan: boolean;
  effectiveFrom: string;
  withdrawnAt: string | null;
  responsibleClinician: string;
  recordedBy: string;
  createdAt: string;
}

export function toConsentView(entity: ConsentVersionEntity): ConsentView {
  const record = toConsentRecord(entity);
  return {
    id: record.id,
    caseId: record.caseId,
    seriesId: record.seriesId,
    version: record.version,
    state: record.state,
    kind: record.kind,
    method: record.method,
    accessLevel: entity.accessLevel,
    templateVersion: record.templateVersion,
    language: record.language,
    choices: record.choices,
    signer: record.signer ?? null,
    hasSignatureImage: record.hasSignatureImage,
    hasScan: record.hasScan,
    effectiveFrom: record.effectiveFrom,
    withdrawnAt: record.withdrawnAt ?? null,
    responsibleClinician: entity.responsibleClinician,
    recordedBy: entity.recordedBy,
    createdAt: record.createdAt,
  };
}
