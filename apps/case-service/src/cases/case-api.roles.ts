import { Role } from '@gmdb/domain';

/** Users who may call the case read routes; the access policy then decides case by case. */
export const CASE_READER_ROLES: Role[] = [Role.Registered, Role.Clinician, Role.Curator, Role.Patient, Role.Admin, Role.BoardMember, Role.Researcher];
/** Users who may create and edit cases (besides institution API keys with cases:write). */
export const CASE_EDITOR_ROLES: Role[] = [Role.Clinician, Role.Curator];

export const CASES_READ_SCOPE = 'cases:read';
export const CASES_WRITE_SCOPE = 'cases:write';
