/** Roles carried in a user's JWT (`roles` claim). */
export enum Role {
  Registered = 'registered',
  Clinician = 'clinician',
  Curator = 'curator',
  Patient = 'patient',
  BoardMember = 'board-member',
  Admin = 'admin',
  Researcher = 'researcher',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ALL_ROLES as readonly string[]).includes(value);
}
