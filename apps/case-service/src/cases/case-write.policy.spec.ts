import { CaseAccessLevel, DomainError, ErrorCode, Role } from '@gmdb/domain';
import { caseResource, institutionPrincipal, userPrincipal } from '@gmdb/domain/testing';
import { assertCanEdit, owningInstitution } from './case-write.policy';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError';
  }
};

describe('who may edit a case', () => {
  const priv = caseResource({ accessLevel: CaseAccessLevel.Private });
  const fair = caseResource({ accessLevel: CaseAccessLevel.Fair });

  it('lets its institution, its responsible clinician and curators (of cases they see) edit', () => {
    expect(codeOf(() => assertCanEdit(institutionPrincipal('inst-A'), priv))).toBeUndefined();
    expect(codeOf(() => assertCanEdit(userPrincipal('dr-resp', [Role.Clinician]), priv))).toBeUndefined();
    expect(codeOf(() => assertCanEdit(userPrincipal('cur', [Role.Curator]), fair))).toBeUndefined();
  });

  it('hides cases the caller may not read and refuses readers who may not edit', () => {
    expect(codeOf(() => assertCanEdit(institutionPrincipal('inst-B'), priv))).toBe(ErrorCode.CASE_NOT_FOUND);
    expect(codeOf(() => assertCanEdit(userPrincipal('cur', [Role.Curator]), priv))).toBe(ErrorCode.CASE_NOT_FOUND);
    expect(codeOf(() => assertCanEdit(userPrincipal('reg', [Role.Registered]), fair))).toBe(ErrorCode.FORBIDDEN);
    expect(codeOf(() => assertCanEdit(userPrincipal('pat-own', [Role.Patient]), priv))).toBe(ErrorCode.FORBIDDEN);
    expect(codeOf(() => assertCanEdit(userPrincipal('dr-resp', [Role.Clinician]), caseResource({ accessLevel: CaseAccessLevel.Withdrawn })))).toBe(
      ErrorCode.CASE_NOT_FOUND,
    );
  });

  it('gives a new case the institution of the key or of the clinician', () => {
    expect(owningInstitution(institutionPrincipal('inst-A'))).toBe('inst-A');
    expect(owningInstitution(userPrincipal('dr', [Role.Clinician], { institutionId: 'uni' }))).toBe('uni');
    expect(codeOf(() => owningInstitution(userPrincipal('dr', [Role.Clinician])))).toBe(ErrorCode.FORBIDDEN);
    expect(codeOf(() => owningInstitution(userPrincipal('reg', [Role.Registered], { institutionId: 'uni' })))).toBe(ErrorCode.FORBIDDEN);
  });
});
