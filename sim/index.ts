import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { JWTPayload } from 'jose';
import { issueChannelToken, registerBotFrameworkMetadata } from './bot-framework.js';
import { registerConnector, type ConnectorRecord } from './connector.js';
import type { SimContext } from './context.js';
import { registerEntra } from './entra.js';
import { registerGraph } from './graph.js';
import { Router } from './http.js';
import { generateMunicipality, type Municipality, type SimPerson } from './municipality.js';
import { seededGuid } from './random.js';
import { createSigningKey } from './signing-key.js';
import { userAccessToken } from './tokens.js';

export type { Municipality, SimPerson, SimUnit, DemoPersons } from './municipality.js';
export type { RecordedActivity, ConnectorRecord } from './connector.js';
export { generateMunicipality } from './municipality.js';
export { BOT_FRAMEWORK_TENANT, BOT_FRAMEWORK_TENANT_ID } from './tenants.js';
export { BOT_FRAMEWORK_RESOURCE, GRAPH_APP_ROLES, GRAPH_RESOURCE } from './tokens.js';

export interface SimulatorOptions {
  /** HTTP port (default 0: any free port). */
  port?: number;
  /** HTTPS port (default 0: any free port). */
  httpsPort?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Staff in the synthetic municipality (default 2000). */
  staff?: number;
  /** Same seed, same municipality, tenant id, app id and signing keys (default 'digipuls'). */
  seed?: string;
}

/** A running tenant simulator. */
export interface Simulator {
  /** http://host:port, no trailing slash: LOGIN_BASE_URL, GRAPH_BASE_URL and the Bot Connector's serviceUrl (with '/'). */
  url: string;
  /** The same routes over TLS (certificate sim/tls/cert.pem, CA sim/tls/ca.pem), for msal-node. */
  httpsUrl: string;
  tenantId: string;
  /** The Digipuls app registration in this tenant (also the bot's app id and password). */
  app: { clientId: string; clientSecret: string };
  municipality: Municipality;
  connector: ConnectorRecord;
  /** An Entra v2 access token for the Digipuls API for a person (id or UPN); overrides change claims (aud, exp, tid…), undefined removes one. */
  issueUserToken(personId: string, overrides?: JWTPayload): Promise<string>;
  /** A channel → bot token as the Bot Connector signs it. */
  issueChannelToken(options: { appId: string; serviceUrl: string; expiresInSeconds?: number }): Promise<string>;
  close(): Promise<void>;
}

/** The simulator's certificate, in the source tree (compiled code in dist/sim reads it from there too). */
export const SIM_TLS_DIR = existsSync(path.join(import.meta.dirname, 'tls'))
  ? path.join(import.meta.dirname, 'tls')
  : path.join(import.meta.dirname, '..', '..', 'sim', 'tls');

/** Starts the simulator: Entra ID, Microsoft Graph and the Bot Connector for a synthetic municipality. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const seed = options.seed ?? 'digipuls';
  const host = options.host ?? '127.0.0.1';
  const municipality = generateMunicipality({ staff: options.staff ?? 2000, seed });
  const byId = new Map<string, SimPerson>();
  for (const p of municipality.people) {
    byId.set(p.id, p);
    byId.set(p.userPrincipalName.toLowerCase(), p);
  }
  const [entraKey, botFrameworkKey] = await Promise.all([createSigningKey(`sim-entra-${seed}`), createSigningKey(`sim-bf-${seed}`)]);

  // Listen first: issuers and links are built from the address, and nothing can call before we return.
  let router: Router | undefined;
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (router) void router.handle(req, res);
    else res.writeHead(503).end();
  };
  const plain = http.createServer(handle);
  const secure = https.createServer({ cert: readFileSync(path.join(SIM_TLS_DIR, 'cert.pem')), key: readFileSync(path.join(SIM_TLS_DIR, 'key.pem')) }, handle);
  try {
    await Promise.all([listen(plain, options.port ?? 0, host), listen(secure, options.httpsPort ?? 0, host)]);
  } catch (error) {
    await Promise.all([close(plain), close(secure)]);
    throw error;
  }
  const hostPart = host.includes(':') ? `[${host}]` : host;
  const url = `http://${hostPart}:${(plain.address() as AddressInfo).port}`;

  const ctx: SimContext = {
    url,
    tenantId: municipality.tenantId,
    app: { clientId: seededGuid(seed, 'app'), clientSecret: `sim~${seededGuid(seed, 'secret')}`, servicePrincipalId: seededGuid(seed, 'sp') },
    municipality,
    entraKey,
    botFrameworkKey,
    personById: (id) => byId.get(id) ?? byId.get(id.toLowerCase()),
  };
  router = new Router();
  registerEntra(router, ctx);
  registerGraph(router, ctx);
  registerBotFrameworkMetadata(router, ctx);
  const connector = registerConnector(router, ctx);

  return {
    url,
    httpsUrl: `https://${hostPart}:${(secure.address() as AddressInfo).port}`,
    tenantId: ctx.tenantId,
    app: { clientId: ctx.app.clientId, clientSecret: ctx.app.clientSecret },
    municipality,
    connector,
    issueUserToken: (personId, overrides = {}) => {
      const person = ctx.personById(personId);
      if (!person) return Promise.reject(new Error(`No person ${personId} in the simulated tenant`));
      return userAccessToken(ctx, person, overrides);
    },
    issueChannelToken: (o) => issueChannelToken(ctx, o),
    close: async () => {
      await Promise.all([close(plain), close(secure)]);
    },
  };
}

/** What `digipuls sim` and the demo print about the simulator: addresses, ids and the demo people. */
export function describeSimulator(sim: Simulator): string[] {
  const d = sim.municipality.demoPersons;
  return [
    `Tenant simulator: ${sim.municipality.name} (${sim.municipality.people.length} staff, ${sim.municipality.units.length} units) at ${sim.url} (TLS: ${sim.httpsUrl})`,
    `  Entra ID:       ${sim.url}/${sim.tenantId}/v2.0/.well-known/openid-configuration`,
    `  Graph:          ${sim.url}/v1.0/users`,
    `  Bot Connector:  ${sim.url}/ (serviceUrl)`,
    `  Tenant id:      ${sim.tenantId}`,
    `  App client id:  ${sim.app.clientId}`,
    `  App secret:     ${sim.app.clientSecret} (simulated)`,
    `  Demo people:`,
    ...[d.communicator, d.unitLead, d.admin, d.safetyRep, d.staff].map(
      (p) => `    ${p.displayName} <${p.userPrincipalName}>: ${p.appRoles.join(', ') || 'Staff'}, ${p.department ?? ''}`,
    ),
  ];
}

function listen(server: http.Server | https.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: http.Server | https.Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
