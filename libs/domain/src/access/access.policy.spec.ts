import { AccessDecision } from './access-decision';
import { decideAccess } from './access.policy';
import { filterAccessible } from './access-filter';
import { CaseAccessLevel } from './case-access-level';
import { CaseResource } from './case-resource';
import { ALL_DATA_KINDS, DataKind } from './data-kind';
import { Principal } from './principal';
import { Role } from './role';

const user = (subject: string, ...roles: Role[]): Principal => ({ kind: 'user', subject, roles });

const ACTORS = {
  anonymous: { kind: 'anonymous' },
  registered: user('reg-1', Role.Registered),
  clinicianResponsible: user('dr-resp', Role.Clinician),
  clinicianOther: user('dr-other', Role.Clinician),
  patientOwn: user('pat-own', Role.Patient),
  patientOther: user('pat-other', Role.Patient),
  researcherInRelease: { kind: 'researcher-token', subject: 'res-1', tokenId: 't1', scopes: ['releases:read'], releaseIds: ['rel-1'] },
  researcherNotInRelease: { kind: 'researcher-token', subject: 'res-2', tokenId: 't2', scopes: ['releases:read'], releaseIds: ['rel-2'] },
  curator: user('cur-1', Role.Curator),
  admin: user('adm-1', Role.Admin),
  boardMember: user('board-1', Role.BoardMember),
  institutionKey: { kind: 'institution', institutionId: 'inst-A', keyId: 'k1', scopes: ['cases:write'] },
} satisfies Record<string, Principal>;
type Actor = keyof typeof ACTORS;

function caseAt(accessLevel: CaseAccessLevel): CaseResource {
  return {
    caseId: 'case-1',
    accessLevel,
    institutionId: 'inst-A',
    responsibleClinicians: ['dr-resp'],
    patients: ['pat-own'],
    releaseIds: ['rel-1'],
  };
}

/**
 * The expected answer, written out by hand from DESIGN.md and the documented choices of the
 * policy. Three letters per cell for the case at access level fair, private, withdrawn:
 * Y = allowed, N = denied (401/403), H = denied and hidden (answers like a missing case).
 */
const EXPECTED: Record<DataKind, Record<Actor, string>> = {
  [DataKind.PublicStatistics]: {
    anonymous: 'YYY', registered: 'YYY', clinicianResponsible: 'YYY', clinicianOther: 'YYY',
    patientOwn: 'YYY', patientOther: 'YYY', researcherInRelease: 'YYY', researcherNotInRelease: 'YYY',
    curator: 'YYY', admin: 'YYY', boardMember: 'YYY', institutionKey: 'YYY',
  },
  [DataKind.CaseLanding]: {
    anonymous: 'YHH', registered: 'YHH', clinicianResponsible: 'YHH', clinicianOther: 'YHH',
    patientOwn: 'YHH', patientOther: 'YHH', researcherInRelease: 'YHH', researcherNotInRelease: 'YHH',
    curator: 'YHH', admin: 'YHH', boardMember: 'YHH', institutionKey: 'YHH',
  },
  [DataKind.CaseRecord]: {
    anonymous: 'NHH', registered: 'YHH', clinicianResponsible: 'YYH', clinicianOther: 'YHH',
    patientOwn: 'YYH', patientOther: 'NHH', researcherInRelease: 'YHH', researcherNotInRelease: 'NHH',
    curator: 'YHH', admin: 'YHH', boardMember: 'YHH', institutionKey: 'YYH',
  },
  [DataKind.CaseDocuments]: {
    anonymous: 'NHH', registered: 'NHH', clinicianResponsible: 'YYH', clinicianOther: 'NHH',
    patientOwn: 'NNH', patientOther: 'NHH', researcherInRelease: 'NHH', researcherNotInRelease: 'NHH',
    curator: 'NHH', admin: 'NHH', boardMember: 'NHH', institutionKey: 'NNH',
  },
  [DataKind.AnalysisRanking]: {
    anonymous: 'NNN', registered: 'YYY', clinicianResponsible: 'YYY', clinicianOther: 'YYY',
    patientOwn: 'NNN', patientOther: 'NNN', researcherInRelease: 'NNN', researcherNotInRelease: 'NNN',
    curator: 'YYY', admin: 'YYY', boardMember: 'YYY', institutionKey: 'NNN',
  },
  [DataKind.AnalysisNearestCase]: {
    anonymous: 'NHH', registered: 'YHH', clinicianResponsible: 'YYH', clinicianOther: 'YHH',
    patientOwn: 'NNH', patientOther: 'NHH', researcherInRelease: 'NHH', researcherNotInRelease: 'NHH',
    curator: 'YHH', admin: 'YHH', boardMember: 'YHH', institutionKey: 'NNH',
  },
  [DataKind.CaseErasure]: {
    anonymous: 'NHH', registered: 'NHH', clinicianResponsible: 'NHH', clinicianOther: 'NHH',
    patientOwn: 'NNH', patientOther: 'NHH', researcherInRelease: 'NHH', researcherNotInRelease: 'NHH',
    curator: 'NHH', admin: 'NNY', boardMember: 'NHH', institutionKey: 'NNH',
  },
};

const LEVELS = [CaseAccessLevel.Fair, CaseAccessLevel.Private, CaseAccessLevel.Withdrawn];

function letter(d: AccessDecision): string {
  if (d.allowed) return 'Y';
  return d.hide ? 'H' : 'N';
}

describe('decideAccess: the whole matrix', () => {
  it('has an expected row for every data kind and a cell for every actor', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ALL_DATA_KINDS].sort());
    for (const kind of ALL_DATA_KINDS) expect(Object.keys(EXPECTED[kind]).sort()).toEqual(Object.keys(ACTORS).sort());
  });

  const cells: [DataKind, Actor, CaseAccessLevel, string][] = [];
  for (const kind of ALL_DATA_KINDS) {
    for (const actor of Object.keys(ACTORS) as Actor[]) {
      LEVELS.forEach((level, i) => cells.push([kind, actor, level, EXPECTED[kind][actor][i]]));
    }
  }

  it.each(cells)('%s / %s / %s -> %s', (kind, actor, level, expected) => {
    expect(letter(decideAccess(ACTORS[actor], kind, caseAt(level)))).toBe(expected);
  });
});

describe('decideAccess: details', () => {
  const fair = caseAt(CaseAccessLevel.Fair);
  const priv = caseAt(CaseAccessLevel.Private);

  it('needs no resource for statistics and ranking, and hides a case read without one', () => {
    expect(decideAccess(ACTORS.anonymous, DataKind.PublicStatistics).allowed).toBe(true);
    expect(decideAccess(ACTORS.registered, DataKind.AnalysisRanking).allowed).toBe(true);
    expect(decideAccess(ACTORS.registered, DataKind.CaseRecord)).toEqual({ allowed: false, reason: 'no-resource', hide: true });
  });

  it('gives reasons', () => {
    expect(decideAccess(ACTORS.anonymous, DataKind.CaseRecord, fair)).toEqual({ allowed: false, reason: 'not-authenticated', hide: false });
    expect(decideAccess(ACTORS.clinicianResponsible, DataKind.CaseRecord, priv)).toEqual({ allowed: true, reason: 'responsible-clinician' });
    expect(decideAccess(ACTORS.researcherInRelease, DataKind.CaseRecord, fair)).toEqual({ allowed: true, reason: 'in-release' });
    expect(decideAccess(ACTORS.registered, DataKind.CaseRecord, caseAt(CaseAccessLevel.Withdrawn))).toEqual({
      allowed: false,
      reason: 'withdrawn',
      hide: true,
    });
  });

  it('does not let a patient of another case or a clinician role alone reach private data', () => {
    expect(decideAccess(user('dr-resp', Role.Registered), DataKind.CaseRecord, priv).allowed).toBe(false);
    expect(decideAccess(user('pat-own', Role.Registered), DataKind.CaseRecord, priv).allowed).toBe(false);
  });

  it('recognises a patient through the case ids of the token', () => {
    const p: Principal = { kind: 'user', subject: 'someone', roles: [Role.Patient], caseIds: ['case-1'] };
    expect(decideAccess(p, DataKind.CaseRecord, priv).allowed).toBe(true);
  });

  it('does not let a key of another institution read or learn of a private case', () => {
    const other: Principal = { kind: 'institution', institutionId: 'inst-B', keyId: 'k2', scopes: [] };
    expect(decideAccess(other, DataKind.CaseRecord, priv)).toEqual({ allowed: false, reason: 'not-fair', hide: true });
    expect(decideAccess(other, DataKind.CaseRecord, fair)).toEqual({ allowed: false, reason: 'other-institution', hide: false });
  });

  it('fails closed on an unknown access level, even for the responsible clinician', () => {
    const odd = { ...fair, accessLevel: 'public' } as unknown as CaseResource;
    expect(decideAccess(ACTORS.clinicianResponsible, DataKind.CaseRecord, odd)).toEqual({ allowed: false, reason: 'unknown-access-level', hide: true });
  });

  it('accepts the access level as a plain string', () => {
    expect(decideAccess(ACTORS.registered, DataKind.CaseRecord, { ...fair, accessLevel: 'fair' }).allowed).toBe(true);
  });
});

describe('filterAccessible', () => {
  it('keeps, in order, what decideAccess allows', () => {
    const cases = [
      { id: 'a', level: CaseAccessLevel.Fair },
      { id: 'b', level: CaseAccessLevel.Private },
      { id: 'c', level: CaseAccessLevel.Withdrawn },
      { id: 'd', level: CaseAccessLevel.Fair },
    ];
    const resourceOf = (c: (typeof cases)[number]) => ({ ...caseAt(c.level), caseId: c.id });
    const ids = (p: Principal) => filterAccessible(p, DataKind.AnalysisNearestCase, cases, resourceOf).map((c) => c.id);
    expect(ids(ACTORS.registered)).toEqual(['a', 'd']);
    expect(ids(ACTORS.clinicianResponsible)).toEqual(['a', 'b', 'd']);
    expect(ids(ACTORS.anonymous)).toEqual([]);
  });
});
