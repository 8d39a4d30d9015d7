import { existsSync } from 'node:fs';
import { z } from 'zod';
import { REPORT_PERIODS, type ReportPeriod } from '../core/adoption.js';
import { LOCALES } from '../core/locale.js';
import { ROLES, type Role } from '../core/roles.js';

/** An unset or empty variable is absent. */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());

const url = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }))
    .transform((v) => v.replace(/\/+$/, ''));

const optionalUrl = z.preprocess(
  blankToUndefined,
  z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
);

/** The environment Digipuls reads, with defaults. Nothing else in the code reads process.env. */
export /** A job's schedule: a cron expression of five fields (Europe/Oslo), or off (the job runs only when asked). */
const cronSetting = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .refine((v) => v === 'off' || /^\S+( \S+){4}$/.test(v), 'must be a cron expression of five fields (minute hour day month weekday), or off');

const configSchema = z
  .object({
    PORT: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0).max(65535).default(3978),
    HOST: optionalText,
    PUBLIC_URL: optionalUrl,
    DATABASE_URL: z.preprocess(
      blankToUndefined,
      z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional(),
    ),
    DIGIPULS_DATA_DIR: z.string().trim().min(1).default('./.digipuls'),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppTenantId: optionalText,
    AUTH_CLIENT_ID: optionalText,
    AUTH_CLIENT_SECRET: optionalText,
    GRAPH_BASE_URL: url('https://graph.microsoft.com'),
    LOGIN_BASE_URL: url('https://login.microsoftonline.com'),
    GRAPH_LOGIN_URL: optionalUrl,
    TLS_CA_FILE: z.preprocess(
      blankToUndefined,
      z.string().trim().refine((file) => existsSync(file), 'names no readable file (a PEM CA certificate)').optional(),
    ),
    ADOPTION_PERIODS: z
      .string()
      .trim()
      .default('D30')
      .transform((v) => v.split(',').map((p) => p.trim().toUpperCase()).filter(Boolean))
      .pipe(z.array(z.enum(REPORT_PERIODS, { error: `must be periods among ${REPORT_PERIODS.join(', ')}` })).min(1, 'must name at least one period')),
    ADOPTION_USE_OFFICE_LOCATION: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false').transform((v) => v === 'true'),
    BOT_OPENID_METADATA_URL: optionalUrl,
    BOT_TOKEN_ISSUER: optionalText,
    BOT_LOGIN_URL: optionalUrl,
    BOT_CONNECTOR_URL: optionalUrl,
    DIGIPULS_MIN_GROUP_SIZE: z.coerce
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(3, 'must be at least 3: smaller groups would expose individuals')
      .default(5),
    SURVEY_SEND_RATE: z.coerce
      .number({ error: 'must be a number' })
      .positive('must be above 0')
      .max(50, 'must be at most 50: Teams allows an app about 50 messages a second per tenant (30 in older documentation)')
      .default(20),
    SURVEY_DISPATCH_CRON: cronSetting('* * * * *'),
    SURVEY_FREE_TEXT_ROLES: z
      .string()
      .trim()
      .default('AdoptionAdmin,SafetyRep,UnitLead')
      .transform((v) => v.split(',').map((r) => r.trim()).filter(Boolean))
      .pipe(z.array(z.enum(ROLES.filter((r) => r !== 'Staff') as [Role, ...Role[]], { error: `must be roles among ${ROLES.filter((r) => r !== 'Staff').join(', ')}` }))),
    ANNOUNCEMENT_SEND_CEILING: z.coerce
      .number({ error: 'must be a number' })
      .positive('must be above 0')
      .max(1000, 'must be at most 1000 messages a second')
      .default(30),
    ANNOUNCEMENT_DISPATCH_CRON: cronSetting('* * * * *'),
    ANNOUNCEMENT_MAX_ATTEMPTS: z.coerce
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(1000, 'must be at most 1000')
      .default(40),
    POSTS_ELSEWHERE_REFRESH_CRON: cronSetting('*/30 * * * *'),
    NUDGE_DISPATCH_CRON: cronSetting('*/5 * * * *'),
    DIGEST_DISPATCH_CRON: cronSetting('*/15 * * * *'),
    ANNOUNCEMENT_NOT_READ_DAYS: z.coerce.number({ error: 'must be a whole number of days' }).int('must be a whole number of days').min(1, 'must be at least 1 day').max(90, 'must be at most 90 days').default(3),
    TEAMS_APP_CATALOG_ID: optionalText,
    BOT_SERVICE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('https://smba.trafficmanager.net/teams/'),
    DEFAULT_LOCALE: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` }).default('nb'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.MicrosoftAppId && !env.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
    }
    if (env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required when MicrosoftAppId is set (Digipuls is single-tenant)' });
    }
  });

type Env = z.infer<typeof configSchema>;

/** Digipuls' configuration, grouped by the room that uses it. */
export interface Config {
  port: number;
  /** Where the HTTP server listens; loopback unless the bot is protected by an app id. */
  host: string;
  /** The URL people and Teams reach the server at (for links and the manifest). */
  publicUrl: string;
  database: { url?: string; dataDir: string };
  /** The Entra ID tenant Digipuls serves. */
  tenantId?: string;
  bot: {
    appId?: string;
    appPassword?: string;
    /** Token validation is on whenever an app id is configured. */
    authEnabled: boolean;
    openIdMetadataUrl?: string;
    tokenIssuer?: string;
    loginUrl?: string;
    /** Replaces the serviceUrl replies and proactive messages go to, while token validation is off (tests, the demo). */
    connectorUrl?: string;
  };
  /** The Entra app registration the tab's tokens are issued for and Graph is called with. */
  auth: { clientId?: string; clientSecret?: string; loginBaseUrl: string };
  /**
   * Microsoft Graph, app-only. `loginUrl` is the Entra ID authority base msal-node gets tokens from (it
   * must be HTTPS); `caFile` is an extra CA to trust (the simulator's), beside the public roots.
   */
  graph: { baseUrl: string; loginUrl: string; caFile?: string };
  adoption: { periods: ReportPeriod[]; useOfficeLocation: boolean };
  privacy: { minGroupSize: number };
  surveys: {
    /** Prompts per second, across the tenant: under the Teams ceiling, leaving room for other messages. */
    sendRate: number;
    /** When the dispatch pass runs (cron, Europe/Oslo), or null for only when asked (tests with their own clock). */
    dispatchCron: string | null;
    /** Who may read free-text answers (of groups at least minGroupSize). */
    freeTextRoles: Role[];
  };
  announcements: {
    /**
     * Messages per second the fan-out allows itself per tenant, never exceeded: Teams documents 50 for an
     * app in a tenant today and 30 in older pages, so 30 by default. (Above 50 only for the simulator.)
     */
    sendCeiling: number;
    /** When due announcements are looked for (cron, Europe/Oslo); creating one also starts its fan-out at once. */
    dispatchCron: string | null;
    /** The Digipuls app's id in the tenant's org catalog: with it, the app is installed for staff who never opened the bot. */
    teamsAppCatalogId?: string;
    /** Where new 1:1 conversations are opened (Teams' global Bot Connector; the region's own comes with the first message). */
    serviceUrl: string;
    /** Delivered this many days ago with no sign of reading: "not read" in the unreached table. */
    notReadAfterDays: number;
    /** Tries per person and announcement (reminder included) before the delivery is given up as failed. */
    maxAttempts: number;
    /** When the reactions, replies and page views of posts elsewhere are read again (cron, Europe/Oslo). */
    postsRefreshCron: string | null;
  };
  nudges: {
    /** When the nudge sender looks for due nudges (cron, Europe/Oslo); pacing decides who may get one. */
    dispatchCron: string | null;
  };
  digests: {
    /** When the digest sender looks for unit leads whose day and time have come (cron, Europe/Oslo). */
    dispatchCron: string | null;
  };
  defaultLocale: (typeof LOCALES)[number];
  logLevel: Env['LOG_LEVEL'];
}

/** A wrong setting: the message names it and says what is wrong, in one line. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment into a Config, or throws a ConfigError naming every wrong setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const authEnabled = Boolean(e.MicrosoftAppId);
  const host = e.HOST ?? (authEnabled ? '0.0.0.0' : '127.0.0.1');
  if (!authEnabled && !isLoopback(host)) {
    throw new ConfigError(`Invalid configuration: HOST ${host} is not loopback, and without MicrosoftAppId the bot would accept unauthenticated messages from the network`);
  }
  return {
    port: e.PORT,
    host,
    publicUrl: e.PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${e.PORT}`,
    database: { url: e.DATABASE_URL, dataDir: e.DIGIPULS_DATA_DIR },
    tenantId: e.MicrosoftAppTenantId,
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      authEnabled,
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
      tokenIssuer: e.BOT_TOKEN_ISSUER,
      loginUrl: e.BOT_LOGIN_URL,
      connectorUrl: e.BOT_CONNECTOR_URL,
    },
    auth: {
      clientId: e.AUTH_CLIENT_ID ?? e.MicrosoftAppId,
      clientSecret: e.AUTH_CLIENT_SECRET ?? e.MicrosoftAppPassword,
      loginBaseUrl: e.LOGIN_BASE_URL,
    },
    graph: { baseUrl: e.GRAPH_BASE_URL, loginUrl: e.GRAPH_LOGIN_URL ?? e.LOGIN_BASE_URL, caFile: e.TLS_CA_FILE },
    adoption: { periods: [...new Set(e.ADOPTION_PERIODS)], useOfficeLocation: e.ADOPTION_USE_OFFICE_LOCATION },
    privacy: { minGroupSize: e.DIGIPULS_MIN_GROUP_SIZE },
    surveys: { sendRate: e.SURVEY_SEND_RATE, dispatchCron: e.SURVEY_DISPATCH_CRON === 'off' ? null : e.SURVEY_DISPATCH_CRON, freeTextRoles: e.SURVEY_FREE_TEXT_ROLES },
    announcements: {
      sendCeiling: e.ANNOUNCEMENT_SEND_CEILING,
      dispatchCron: e.ANNOUNCEMENT_DISPATCH_CRON === 'off' ? null : e.ANNOUNCEMENT_DISPATCH_CRON,
      teamsAppCatalogId: e.TEAMS_APP_CATALOG_ID,
      serviceUrl: e.BOT_SERVICE_URL,
      notReadAfterDays: e.ANNOUNCEMENT_NOT_READ_DAYS,
      maxAttempts: e.ANNOUNCEMENT_MAX_ATTEMPTS,
      postsRefreshCron: e.POSTS_ELSEWHERE_REFRESH_CRON === 'off' ? null : e.POSTS_ELSEWHERE_REFRESH_CRON,
    },
    nudges: { dispatchCron: e.NUDGE_DISPATCH_CRON === 'off' ? null : e.NUDGE_DISPATCH_CRON },
    digests: { dispatchCron: e.DIGEST_DISPATCH_CRON === 'off' ? null : e.DIGEST_DISPATCH_CRON },
    defaultLocale: e.DEFAULT_LOCALE,
    logLevel: e.LOG_LEVEL,
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
