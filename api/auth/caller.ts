import type { Role } from '../../core/roles.js';

/** Who is calling the API, from a validated Entra ID token. */
export interface Caller {
  tenantId: string;
  /** Entra ID object id (`oid`). */
  id: string;
  name: string;
  upn: string | null;
  roles: Role[];
}
