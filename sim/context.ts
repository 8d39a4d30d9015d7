import type { JWTPayload } from 'jose';
import type { Municipality, SimPerson } from './municipality.js';
import type { SigningKey } from './signing-key.js';

/** What every part of the simulator shares: the tenant, the app registration and the keys. */
export interface SimContext {
  tenantId: string;
  app: { clientId: string; clientSecret: string; servicePrincipalId: string };
  municipality: Municipality;
  entraKey: SigningKey;
  botFrameworkKey: SigningKey;
  personById(idOrUpn: string): SimPerson | undefined;
  /** An Entra v2 access token for the Digipuls API, as the person would get after signing in. */
  issueUserToken(personId: string, overrides: JWTPayload, origin: string): Promise<string>;
}
