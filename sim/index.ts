import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { JWTPayload } from 'jose';
import type { ReportPeriod } from '../core/adoption.js';
import { issueChannelToken, registerBotFrameworkMetadata } from './bot-framework.js';
import { BotChats } from './bot-chats.js';
import { nudgeIn } from './announcement-cards.js';
import { registerConnector, type ConnectorRecord, type ConnectorSettings } from './connector.js';
import type { SimContext } from './context.js';
import { registerEntra } from './entra.js';
import { FaultInjector, type GraphFaults } from './faults.js';
import { registerGraph } from './graph.js';
import { registerGroups } from './graph-groups.js';
import { registerTeamwork } from './graph-teamwork.js';
import { registerChannelMessages } from './graph-channel-messages.js';
import { registerSharePoint } from './graph-sharepoint.js';
import { PostsElsewhere } from './posts-elsewhere.js';
import { Router } from './http.js';
import { generateMunicipality, type Municipality, type SimPerson } from './municipality.js';
import { seededGuid } from './random.js';
import { dayOf } from './days.js';
import type { ReportFunction } from './report-csv.js';
import { writeReportFiles, type ReportFilesOptions, type WrittenReportFiles } from './report-files.js';
import { checkEffect, type NudgeEffectTruth, type NudgeReceipt } from './nudge-effect.js';
import { UsageReports } from './report-state.js';
import type { ReportTruth } from './report-truth.js';
import { registerReports } from './reports.js';
import { createSigningKey } from './signing-key.js';
import { createStaffBehaviour, type StaffBehaviour } from './staff-behaviour.js';
import { TeamsAppState, type AppInstalledFor } from './teams-app.js';
import { GRAPH_APP_ROLES, userAccessToken } from './tokens.js';

export type { Municipality, SimPerson, SimUnit, DemoPersons } from './municipality.js';
export type { SimGroup } from './entra-groups.js';
export { GROUP_NAMES } from './entra-groups.js';
export type { RecordedActivity, ConnectorRecord, ConnectorSettings } from './connector.js';
export { CONVERSATION_LIMITS, DEFAULT_TENANT_PER_SECOND } from './connector-limits.js';
export type { StaffBehaviour, StaffReactOptions, UnitReach, UnitTipFeedback } from './staff-behaviour.js';
export { READ_RECEIPT_EVENT } from './staff-behaviour.js';
export type { AppInstalledFor } from './teams-app.js';
export type { PostUnitTruth, SimChannelPost, SimNewsPage } from './posts-elsewhere.js';
export { generateMunicipality } from './municipality.js';
import { digipulsEnvFor } from './digipuls-env.js';
export { BOT_FRAMEWORK_TENANT, BOT_FRAMEWORK_TENANT_ID } from './tenants.js';
export { BOT_FRAMEWORK_RESOURCE, GRAPH_APP_ROLES, GRAPH_RESOURCE } from './tokens.js';
export type { GraphFaults, MalformOptions, ThrottleOptions, ThrottleTarget } from './faults.js';
export type { ReportFunction } from './report-csv.js';
export { REPORT_FUNCTIONS, REPORT_HEADERS } from './report-csv.js';
export type { ReportFilesOptions, WrittenReportFiles } from './report-files.js';
export type { NudgeEffectTruth, NudgePersonTruth, NudgeReceipt, NudgeUnitTruth } from './nudge-effect.js';
export { nudgeDraw } from './nudge-effect.js';
export type { CommunityTruth, PersonUsageTruth, ReportTruth, TeamTruth } from './report-truth.js';
export type { EngageUsage, TeamsUsage } from './usage.js';
export { simulatedResponse, teamsEngagement, unitTendency } from './survey-respondents.js';
export type { RespondentOptions, SimulatedResponse, UnitTendency } from './survey-respondents.js';
export { PLAYGROUND_CONFIG_ENV, playgroundConfig, writePlaygroundConfig, type PlaygroundTenant } from './playground-config.js';

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
  /** The tenant setting displayConcealedNames at start (default false); PATCH /admin/reportSettings changes it. */
  concealed?: boolean;
  /** The date (YYYY-MM-DD) the usage reports are refreshed to (default: today UTC minus 2 days, Microsoft's lag, moving with the clock). */
  reportDate?: string;
  /** Microsoft's report throttle, e.g. { requests: 14, windowSeconds: 600 }: report calls beyond it answer 429 (default: no limit). */
  reportRateLimit?: { requests: number; windowSeconds: number };
  /** How long a report download URL works (default 300 seconds). */
  reportDownloadSeconds?: number;
  /** The application permissions the app's Graph tokens carry (default GRAPH_APP_ROLES): fewer, to test a tenant that granted less. */
  graphAppRoles?: readonly string[];
  /**
   * The Bot Connector's Teams limits and behaviour at start (also `connector.configure` at runtime):
   * `tenantPerSecond` (default 50, Microsoft's current page), `perConversation` (default true),
   * `latencyMs` (default 0), `failureRate` (default 0) and `failureStatus` (default 503).
   */
  connector?: Partial<ConnectorSettings>;
  /** Who has the Digipuls app installed at start: 'everyone' (default), 'nobody', or the people listed (ids or UPNs). */
  appInstalledFor?: AppInstalledFor;
  /** Whether the tenant's policy lets Digipuls install the app for users through Graph (default true; `setAppInstallAllowed` at runtime). */
  appInstallAllowed?: boolean;
  /**
   * How much a nudge raises the chance that its recipient is active in Teams after the nudge day, in
   * points / 100 (0–1; default 0: nudges change nothing). `nudges.setEffect` changes it at runtime.
   */
  nudgeEffect?: number;
}

/** The nudges (usage tips) the bot sent and what they did to Teams activity: sim/nudge-effect.ts, "Nudges" in sim/README.md. */
export interface SimulatorNudges {
  /** The effect given (0–1): the additive rise in the chance of being active in Teams after the nudge day. */
  readonly effect: number;
  /** Changes the effect for every nudge, sent and to come; reports for dates after the first nudge day are made again. */
  setEffect(effect: number): void;
  /** Every nudge card the connector accepted (POST), per person (Entra object id), in order; a nudge id resent counts once. */
  receipts(): Map<string, NudgeReceipt[]>;
  /** People whose first nudge day is before the report date (those its reports can show an effect on); without one, everyone nudged so far. */
  nudged(reportDate?: string): Set<string>;
  /** What the nudges did by a report date (default: the current one): the ground truth to hold Digipuls's estimate against. */
  truth(reportDate?: string): NudgeEffectTruth;
  /** Forgets every nudge: the reports are as if none had been sent. */
  clear(): void;
}

/** The tenant's usage reports, for tests and benchmarks to steer and to check against. */
export interface SimulatorReports {
  /** The date the reports are refreshed to (YYYY-MM-DD). */
  readonly reportDate: string;
  /** Whether reports conceal names (the tenant's displayConcealedNames). */
  readonly concealed: boolean;
  setConcealed(concealed: boolean): void;
  /** What the reports for a period are made from, names unconcealed (shared and cached: do not modify). */
  truth(period: ReportPeriod): ReportTruth;
  /** A report's CSV exactly as the download serves it (BOM, CRLF), with the current date and concealment. */
  csv(report: ReportFunction, period: ReportPeriod): Buffer;
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
  /** The Digipuls app in the org catalog: its catalog id (for teamsApp@odata.bind) and external id (the manifest id = the app's client id). */
  teamsApp: { catalogId: string; externalId: string };
  /** Changes the tenant's policy on installing the app for users (POST installedApps answers 403 when false). */
  setAppInstallAllowed(allowed: boolean): void;
  /** Whether a person (id or UPN) has the app installed (at start or through Graph). */
  isAppInstalled(personId: string): boolean;
  /** Simulated staff reading, acknowledging and clicking announcement cards, and the ground truth of it. */
  staff: StaffBehaviour;
  /** Channel posts and SharePoint news pages made outside Digipuls, with staff's reactions, replies and views (the ground truth). */
  posts: PostsElsewhere;
  /** Nudge cards the bot sent, the effect they have on the usage reports, and its ground truth. */
  nudges: SimulatorNudges;
  /** An Entra v2 access token for the Digipuls API for a person (id or UPN); overrides change claims (aud, exp, tid…), undefined removes one. */
  issueUserToken(personId: string, overrides?: JWTPayload): Promise<string>;
  /** A channel → bot token as the Bot Connector signs it. */
  issueChannelToken(options: { appId: string; serviceUrl: string; expiresInSeconds?: number }): Promise<string>;
  reports: SimulatorReports;
  /** Moves the report date (YYYY-MM-DD): later dates show more adoption. Download URLs handed out keep their date. */
  setReportDate(date: string): void;
  /** Writes the five reports as the admin center exports them, and the users list (CSV export or Graph JSON pages). */
  writeReportFiles(dir: string, options: ReportFilesOptions): Promise<WrittenReportFiles>;
  /** Injected Graph faults: `faults.throttle({ target: 'reports', count: 2, retryAfter: '2.128' })`, `faults.malformPage({ target: 'users', after: 1 })`. */
  faults: GraphFaults;
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
  // Options that can be refused are checked before anything listens.
  if (options.nudgeEffect !== undefined) checkEffect(options.nudgeEffect, 'nudgeEffect');
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
    else {
      // (Not chained: restify, loaded in the same process by the app, replaces writeHead with one that returns nothing.)
      res.writeHead(503);
      res.end();
    }
  };
  const tlsFiles = { cert: readFileSync(path.join(SIM_TLS_DIR, 'cert.pem')), key: readFileSync(path.join(SIM_TLS_DIR, 'key.pem')) };
  const plain = http.createServer(handle);
  const secure = https.createServer(tlsFiles, handle);
  // Report downloads come from another origin (as reports.office.com is not graph.microsoft.com), so
  // clients that follow the redirect drop the Authorization header as they would in production.
  const downloads = http.createServer(handle);
  const secureDownloads = https.createServer(tlsFiles, handle);
  const servers = [plain, secure, downloads, secureDownloads];
  try {
    await Promise.all([listen(plain, options.port ?? 0, host), listen(secure, options.httpsPort ?? 0, host), listen(downloads, 0, host), listen(secureDownloads, 0, host)]);
  } catch (error) {
    await Promise.all(servers.map(close));
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
    graphAppRoles: options.graphAppRoles ?? GRAPH_APP_ROLES,
    faults: new FaultInjector(),
  };
  const reports = new UsageReports(seed, municipality, { reportDate: options.reportDate, concealed: options.concealed, nudgeEffect: options.nudgeEffect });
  router = new Router();
  registerEntra(router, ctx);
  registerGraph(router, ctx);
  registerGroups(router, ctx);
  registerReports(router, ctx, reports, {
    // Same host name the client used, the download server's port, same transport.
    downloadOrigin: (req) => {
      const secureCaller = req.origin.startsWith('https:');
      const port = ((secureCaller ? secureDownloads : downloads).address() as AddressInfo).port;
      // (URL.hostname keeps an IPv6 address in brackets.)
      return `${secureCaller ? 'https' : 'http'}://${req.url.hostname}:${port}`;
    },
    downloadSeconds: options.reportDownloadSeconds,
    rateLimit: options.reportRateLimit,
  });
  registerBotFrameworkMetadata(router, ctx);
  const teamsApp = new TeamsAppState(ctx, seed, options.appInstalledFor, options.appInstallAllowed ?? true);
  const chats = new BotChats();
  registerTeamwork(router, ctx, teamsApp, chats);
  const posts = new PostsElsewhere(seed, ctx.tenantId, municipality.people, municipality.domain);
  registerChannelMessages(router, ctx, posts);
  registerSharePoint(router, ctx, posts);
  const connector = registerConnector(router, ctx, { seed, teamsApp, chats, posts, settings: options.connector });
  const staff = createStaffBehaviour(ctx, seed, connector.onAccepted);
  // A nudge card in a person's chat: its day is the report date at that moment, so reports up to that date never change.
  connector.onAccepted((recorded, person) => {
    if (!person || recorded.method !== 'POST') return;
    const nudge = nudgeIn(recorded.activity);
    if (nudge) reports.nudges.record(person.id, nudge.nudgeId, reports.reportDate, recorded.receivedAt);
  });

  reports.warmUp();
  return {
    url,
    httpsUrl: `https://${hostPart}:${(secure.address() as AddressInfo).port}`,
    tenantId: ctx.tenantId,
    app: { clientId: ctx.app.clientId, clientSecret: ctx.app.clientSecret },
    municipality,
    connector: connector.record,
    teamsApp: { catalogId: teamsApp.catalogId, externalId: teamsApp.externalId },
    setAppInstallAllowed: (allowed) => {
      teamsApp.installAllowed = allowed;
    },
    isAppInstalled: (personId) => {
      const person = ctx.personById(personId);
      return person !== undefined && teamsApp.isInstalled(person);
    },
    staff,
    posts,
    nudges: {
      get effect() {
        return reports.nudges.effect;
      },
      setEffect: (effect) => reports.nudges.setEffect(effect),
      receipts: () => reports.nudges.receipts(),
      nudged: (reportDate) => reports.nudges.nudged(reportDate === undefined ? Infinity : dayOf(reportDate)),
      truth: (reportDate) => {
        const truth = reports.nudgePlan(reportDate).truth;
        // A copy: the plan behind the reports is shared.
        return { ...truth, people: new Map([...truth.people].map(([id, p]) => [id, { ...p }])), units: new Map([...truth.units].map(([unit, u]) => [unit, { ...u }])) };
      },
      clear: () => reports.nudges.clear(),
    },
    issueUserToken: (personId, overrides = {}) => {
      const person = ctx.personById(personId);
      if (!person) return Promise.reject(new Error(`No person ${personId} in the simulated tenant`));
      return userAccessToken(ctx, person, overrides);
    },
    issueChannelToken: (o) => issueChannelToken(ctx, o),
    reports: {
      get reportDate() {
        return reports.reportDate;
      },
      get concealed() {
        return reports.concealed;
      },
      setConcealed: (concealed) => {
        reports.concealed = concealed;
      },
      truth: (period) => reports.truth(period),
      csv: (report, period) => reports.csv(report, period),
    },
    setReportDate: (date) => reports.setReportDate(date),
    writeReportFiles: (dir, o) => writeReportFiles(dir, reports, municipality, seed, o),
    faults: ctx.faults,
    close: async () => {
      staff.stop();
      reports.stop();
      await Promise.all(servers.map(close));
    },
  };
}

/** What `digipuls sim` and the demo print about the simulator: addresses, ids and the demo people. */
export function describeSimulator(sim: Simulator): string[] {
  const d = sim.municipality.demoPersons;
  return [
    `Tenant simulator: ${sim.municipality.name} (${sim.municipality.people.length} staff, ${sim.municipality.units.length} units) at ${sim.url} (TLS: ${sim.httpsUrl})`,
    `  Entra ID:       ${sim.url}/${sim.tenantId}/v2.0/.well-known/openid-configuration`,
    `  Graph:          ${sim.url}/v1.0/users, ${sim.url}/v1.0/groups (${sim.municipality.groups.length} groups)`,
    `  Usage reports:  ${sim.url}/v1.0/reports/getTeamsUserActivityUserDetail(period='D30') (refreshed ${sim.reports.reportDate}${sim.reports.concealed ? ', names concealed' : ''})`,
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

/** The environment that points Digipuls at this simulator (tenant, app registration, Entra ID, Graph, trusted CA). */
export function simulatorEnv(sim: Pick<Simulator, 'url' | 'httpsUrl' | 'tenantId' | 'app'> & Partial<Pick<Simulator, 'teamsApp'>>): Record<string, string> {
  return digipulsEnvFor(sim, SIM_TLS_DIR);
}
