import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { JWTPayload } from 'jose';
import { issueChannelToken } from './bot-framework.js';
import { registerBotFrameworkMetadata } from './bot-framework.js';
import { registerConnector, type ConnectorRecord } from './connector.js';
import type { SimContext } from './context.js';
import { registerEntra } from './entra.js';
import { registerGraph } from './graph.js';
import { Router } from './http.js';
import { generateMunicipality, type Municipality, type SimPerson } from './municipality.js';
import { seededGuid } from './random.js';
import { createSigningKey } from './signing-key.js';

export type { Municipality, SimPerson, SimUnit, DemoPersons } from './municipality.js';
export type { RecordedActivity, ConnectorRecord } from './connector.js';

export interface SimulatorOptions {
  port?: number;
  httpsPort?: number;
  host?: string;
  staff?: number;
  seed?: string;
}

/** A running tenant simulator. */
export interface Simulator {
  /** http://host:port, no trailing slash: LOGIN_BASE_URL, GRAPH_BASE_URL and the Bot Connector's serviceUrl (with '/'). */
  url: string;
  /** The same routes over TLS (certificate sim/tls/cert.pem, CA sim/tls/ca.pem), for msal-node. */
  httpsUrl: string;
  tenantId: string;
  /** The Digipuls app registration in this tenant. */
  app: { clientId: string; clientSecret: string };
  municipality: Municipality;
  connector: ConnectorRecord;
  /** An Entra v2 access token for the Digipuls API for a person; overrides change claims (aud, exp, tid…) for tests. */
  issueUserToken(personId: string, overrides?: JWTPayload): Promise<string>;
  /** A channel → bot token as the Bot Connector signs it. */
  issueChannelToken(options: { appId: string; serviceUrl: string; expiresInSeconds?: number }): Promise<string>;
  close(): Promise<void>;
}

/** The simulator's certificate, in the source tree (compiled code in dist/sim reads it from there too). */
const TLS_DIR = existsSync(path.join(import.meta.dirname, 'tls'))
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
  const tenantId = municipality.tenantId;
  const ctx: SimContext = {
    tenantId,
    app: { clientId: seededGuid(seed, 'app'), clientSecret: `sim~${seededGuid(seed, 'secret')}`, servicePrincipalId: seededGuid(seed, 'sp') },
    municipality,
    entraKey,
    botFrameworkKey,
    personById: (id) => byId.get(id) ?? byId.get(id.toLowerCase()),
    issueUserToken: (personId, overrides, origin) => {
      const person = byId.get(personId);
      if (!person) throw new Error(`No person ${personId} in the simulated tenant`);
      return entraKey.sign({
        aud: ctx.app.clientId,
        iss: `${origin}/${tenantId}/v2.0`,
        tid: tenantId,
        oid: person.id,
        sub: person.id,
        name: person.displayName,
        preferred_username: person.userPrincipalName,
        azp: ctx.app.clientId,
        scp: 'access_as_user',
        ver: '2.0',
        ...(person.appRoles.length ? { roles: person.appRoles } : {}),
        ...overrides,
      });
    },
  };

  const router = new Router();
  registerEntra(router, ctx);
  registerGraph(router, ctx);
  registerBotFrameworkMetadata(router, ctx);
  const connector = registerConnector(router, ctx);

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => void router.handle(req, res);
  const plain = http.createServer(handle);
  const secure = https.createServer({ cert: readFileSync(path.join(TLS_DIR, 'cert.pem')), key: readFileSync(path.join(TLS_DIR, 'key.pem')) }, handle);
  await Promise.all([listen(plain, options.port ?? 0, host), listen(secure, options.httpsPort ?? 0, host)]);
  const hostPart = host.includes(':') ? `[${host}]` : host;
  const url = `http://${hostPart}:${(plain.address() as AddressInfo).port}`;

  return {
    url,
    httpsUrl: `https://${hostPart}:${(secure.address() as AddressInfo).port}`,
    tenantId,
    app: { clientId: ctx.app.clientId, clientSecret: ctx.app.clientSecret },
    municipality,
    connector,
    issueUserToken: (personId, overrides = {}) => ctx.issueUserToken(personId, overrides, url),
    issueChannelToken: (o) => issueChannelToken(ctx, o),
    close: async () => {
      await Promise.all([close(plain), close(secure)]);
    },
  };
}

/** What `digipuls sim` and the demo print about the simulator. */
export function describeSimulator(sim: Simulator): string[] {
  const d = sim.municipality.demoPersons;
  return [
    `Tenant simulator: ${sim.municipality.name} (${sim.municipality.people.length} staff, ${sim.municipality.units.length} units) at ${sim.url} (TLS: ${sim.httpsUrl})`,
    `  Entra ID:       ${sim.url}/${sim.tenantId}/v2.0/.well-known/openid-configuration`,
    `  Graph:          ${sim.url}/v1.0/users`,
    `  Bot Connector:  ${sim.url}/ (serviceUrl)`,
    `  Tenant id:      ${sim.tenantId}`,
    `  App client id:  ${sim.app.clientId}`,
    `  Demo people:    ${[d.communicator, d.unitLead, d.admin, d.safetyRep, d.staff].map((p) => `${p.displayName} (${p.appRoles.join(', ') || 'Staff'})`).join('; ')}`,
  ];
}

function listen(server: http.Server | https.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

function close(server: http.Server | https.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
