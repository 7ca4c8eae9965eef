import { CaseAccessLevel, DataKind, DomainError, ErrorCode, Role } from '@gmdb/domain';
import { institutionPrincipal, userPrincipal } from '@gmdb/domain/testing';
import { CaseAccessService } from './case-access.service';
import type { CaseRepository } from './case.repository';
import type { CaseEntity } from './entities/case.entity';

function entity(accessLevel: CaseAccessLevel): CaseEntity {
  return {
    id: 'case-1',
    accessLevel,
    institutionId: 'inst-A',
    members: [
      { caseId: 'case-1', role: 'clinician', subject: 'dr-resp' },
      { caseId: 'case-1', role: 'patient', subject: 'pat-own' },
    ],
  } as CaseEntity;
}

function serviceWith(row: CaseEntity | null): CaseAccessService {
  const repository = { findAccessFacts: async () => row } as unknown as CaseRepository;
  return new CaseAccessService(repository);
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError';
  }
}

describe('CaseAccessService', () => {
  it('builds the policy resource from the case and its members', async () => {
    expect(await serviceWith(entity(CaseAccessLevel.Private)).resourceOf('case-1')).toEqual({
      caseId: 'case-1',
      accessLevel: 'private',
      institutionId: 'inst-A',
      responsibleClinicians: ['dr-resp'],
      patients: ['pat-own'],
      releaseIds: [],
    });
    expect(await serviceWith(null).resourceOf('case-1')).toBeNull();
  });

  it('answers hidden and missing cases alike, and other denials as 401/403', async () => {
    const priv = serviceWith(entity(CaseAccessLevel.Private));
    expect(await codeOf(priv.assertCan(userPrincipal('reg', [Role.Registered]), DataKind.CaseRecord, 'case-1'))).toBe(ErrorCode.CASE_NOT_FOUND);
    expect(await codeOf(serviceWith(null).assertCan(userPrincipal('reg', [Role.Registered]), DataKind.CaseRecord, 'case-1'))).toBe(ErrorCode.CASE_NOT_FOUND);
    expect(await codeOf(priv.assertCan(userPrincipal('dr-resp', [Role.Clinician]), DataKind.CaseDocuments, 'case-1'))).toBeUndefined();
    expect(await codeOf(priv.assertCan(userPrincipal('pat-own', [Role.Patient]), DataKind.CaseDocuments, 'case-1'))).toBe(ErrorCode.FORBIDDEN);
    const fair = serviceWith(entity(CaseAccessLevel.Fair));
    expect(await codeOf(fair.assertCan({ kind: 'anonymous' }, DataKind.CaseRecord, 'case-1'))).toBe(ErrorCode.UNAUTHENTICATED);
    expect(await codeOf(fair.assertCan(institutionPrincipal('inst-B'), DataKind.CaseRecord, 'case-1'))).toBe(ErrorCode.FORBIDDEN);
    expect(await fair.can(userPrincipal('reg', [Role.Registered]), DataKind.CaseRecord, 'case-1')).toBe(true);
  });
});
