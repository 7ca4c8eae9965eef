import { Principal, Role } from '../access';
import { ConsentAction, ConsentCaseHolder, consentPermission } from './consent-access.policy';

const held: ConsentCaseHolder = { caseId: 'case-1', responsibleClinician: 'dr-bonn' };
const unclaimed: ConsentCaseHolder = { caseId: 'case-1', registration: { institutionId: 'uk-bonn', clinicians: ['dr-x', 'dr-y'] } };
const unclaimedPushed: ConsentCaseHolder = { caseId: 'case-1', registration: { institutionId: 'his-bonn', clinicians: [] } };
const unregistered: ConsentCaseHolder = { caseId: 'case-1' };
const user = (subject: string, roles: Role[], caseIds?: string[], institutionId?: string): Principal => ({ kind: 'user', subject, roles, caseIds, institutionId });
const CLAIM_ONLY = ['not-found', 'not-found', 'not-found', 'allow', 'allow', 'not-found', 'not-found'];
const ACTIONS: ConsentAction[] = ['read', 'read-audit', 'read-scan', 'invite', 'record-paper', 'change', 'withdraw'];

function row(principal: Principal, holder: ConsentCaseHolder): string[] {
  return ACTIONS.map((a) => consentPermission(principal, a, holder));
}

describe('consentPermission', () => {
  it.each([
    ['responsible clinician', user('dr-bonn', [Role.Clinician]), held, ['allow', 'allow', 'allow', 'allow', 'allow', 'forbidden', 'allow']],
    ['another clinician', user('dr-x', [Role.Clinician]), held, ['not-found', 'not-found', 'not-found', 'not-found', 'not-found', 'not-found', 'not-found']],
    ['first clinician of a case, one of its clinician members', user('dr-x', [Role.Clinician]), unclaimed, CLAIM_ONLY],
    ['first clinician of a case, not a member (even of its institution)', user('dr-z', [Role.Clinician], undefined, 'uk-bonn'), unclaimed, Array(7).fill('not-found')],
    ['first clinician of a pushed case, of its institution', user('dr-z', [Role.Clinician], undefined, 'his-bonn'), unclaimedPushed, CLAIM_ONLY],
    ['first clinician of a pushed case, of another institution', user('dr-z', [Role.Clinician], undefined, 'uk-koeln'), unclaimedPushed, Array(7).fill('not-found')],
    ['first clinician of a pushed case, no institution in the token', user('dr-z', [Role.Clinician]), unclaimedPushed, Array(7).fill('not-found')],
    ['first clinician of a case case-service has not registered', user('dr-x', [Role.Clinician], undefined, 'uk-bonn'), unregistered, Array(7).fill('not-found')],
    ['patient of the case', user('p-1', [Role.Patient], ['case-1']), held, ['allow', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'allow', 'allow']],
    ['patient of another case', user('p-2', [Role.Patient], ['case-2']), held, Array(7).fill('forbidden')],
    ['admin', user('root', [Role.Admin]), held, ['allow', 'allow', 'forbidden', 'allow', 'forbidden', 'forbidden', 'allow']],
    ['admin, unclaimed case', user('root', [Role.Admin]), unclaimed, ['not-found', 'not-found', 'forbidden', 'not-found', 'forbidden', 'forbidden', 'not-found']],
    ['registered user', user('u', [Role.Registered]), held, Array(7).fill('not-found')],
    ['anonymous', { kind: 'anonymous' } as Principal, held, Array(7).fill('not-found')],
  ])('%s', (_name, principal, holder, expected) => {
    expect(row(principal, holder)).toEqual(expected);
  });

  it('gives a caller with several roles the most permissive answer', () => {
    expect(consentPermission(user('dr-bonn', [Role.Patient, Role.Clinician], ['case-9']), 'read', held)).toBe('allow');
  });
});
