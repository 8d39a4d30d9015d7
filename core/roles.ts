/**
 * App roles defined on the Digipuls app registration in Entra ID. Every signed-in member of the
 * tenant is Staff; the others come from the token's `roles` claim.
 */
export const ROLES = ['Staff', 'Communicator', 'UnitLead', 'AdoptionAdmin', 'SafetyRep'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Roles a caller holds: Staff always, plus the recognised app roles of the token (unknown ones ignored). */
export function rolesFromClaim(claim: unknown): Role[] {
  const given = Array.isArray(claim) ? claim.filter(isRole) : [];
  return ROLES.filter((role) => role === 'Staff' || given.includes(role));
}
