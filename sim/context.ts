import type { FaultInjector } from './faults.js';
import type { Municipality, SimPerson } from './municipality.js';
import type { SigningKey } from './signing-key.js';

/** What every part of the simulator shares: its address, the tenant, the app registration and the keys. */
export interface SimContext {
  /** The plain-HTTP base URL. Issuers are built from it whichever transport a client used, as Entra has one issuer per tenant. */
  url: string;
  tenantId: string;
  app: { clientId: string; clientSecret: string; servicePrincipalId: string };
  municipality: Municipality;
  entraKey: SigningKey;
  botFrameworkKey: SigningKey;
  personById(idOrUpn: string): SimPerson | undefined;
  /** The application permissions in the app's Graph tokens (GRAPH_APP_ROLES unless the options say otherwise). */
  graphAppRoles: readonly string[];
  /** Throttles tests injected into Graph. */
  faults: FaultInjector;
}
