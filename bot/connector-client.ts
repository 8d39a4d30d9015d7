import { AuthenticationConstants } from 'botframework-connector';
import { Agent, fetch } from 'undici';
import type { Config } from '../app/config.js';
import { createConfidentialClient } from '../graph/confidential-client.js';

/** What the Bot Connector answered to one call. */
export interface ConnectorAnswer {
  status: number;
  /** The id Teams gave the message, or the new conversation's id. */
  id?: string;
  /** Retry-After, when the connector sent one (429, 503). */
  retryAfterMs?: number;
  /** Teams' error code ('BotNotInConversationRoster', …), when it gave one. */
  code?: string;
  /** The first message's id, when a conversation was started with one (a channel post). */
  activityId?: string;
}

/**
 * The Bot Connector REST API (v3) for the announcement fan-out. botbuilder's own client retries 429
 * and 5xx inside each call and hides Retry-After from the caller; a sender pacing thousands of
 * messages under Teams' limits has to see every answer to slow down, wait and never send twice, so
 * this client makes exactly one HTTP call per request and reports what came back. Network failures
 * are thrown: whether the message arrived is then unknown.
 */
export interface BotConnector {
  sendToConversation(serviceUrl: string, conversationId: string, activity: Record<string, unknown>): Promise<ConnectorAnswer>;
  /** Opens (or finds) the 1:1 conversation with a person; answers the conversation id. */
  createPersonalConversation(serviceUrl: string, input: { tenantId: string; aadObjectId: string; botId: string }): Promise<ConnectorAnswer>;
  /** Posts a new thread in a team's channel (the app must be installed in the team); answers the conversation id and the post's id. */
  createChannelConversation(serviceUrl: string, input: { tenantId: string; channelId: string; botId: string; activity: Record<string, unknown> }): Promise<ConnectorAnswer>;
}

export function createBotConnector(options: { connectorUrl?: string; token?: () => Promise<string>; dispatcher: Agent; timeoutMs?: number }): BotConnector {
  const base = (serviceUrl: string) => (options.connectorUrl ?? serviceUrl).replace(/\/+$/, '');
  const call = async (url: string, body: unknown): Promise<ConnectorAnswer> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.token) headers.authorization = `Bearer ${await options.token()}`;
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      dispatcher: options.dispatcher,
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await response.text();
    let json: { id?: unknown; activityId?: unknown; error?: { code?: unknown } } = {};
    try {
      json = text ? (JSON.parse(text) as typeof json) : {};
    } catch {
      // A proxy's HTML error page: the status says enough.
    }
    return {
      status: response.status,
      ...(typeof json.id === 'string' ? { id: json.id } : {}),
      ...(typeof json.activityId === 'string' ? { activityId: json.activityId } : {}),
      ...(typeof json.error?.code === 'string' ? { code: json.error.code } : {}),
      ...retryAfter(response.headers.get('retry-after')),
    };
  };
  return {
    sendToConversation: (serviceUrl, conversationId, activity) => call(`${base(serviceUrl)}/v3/conversations/${encodeURIComponent(conversationId)}/activities`, activity),
    createPersonalConversation: (serviceUrl, input) =>
      call(`${base(serviceUrl)}/v3/conversations`, {
        isGroup: false,
        bot: { id: input.botId },
        members: [{ id: input.aadObjectId }],
        tenantId: input.tenantId,
        channelData: { tenant: { id: input.tenantId } },
      }),
    createChannelConversation: (serviceUrl, input) =>
      call(`${base(serviceUrl)}/v3/conversations`, {
        isGroup: true,
        bot: { id: input.botId },
        tenantId: input.tenantId,
        channelData: { channel: { id: input.channelId }, tenant: { id: input.tenantId } },
        activity: input.activity,
      }),
  };
}

/** Retry-After in seconds (decimals allowed) or as an HTTP date. */
function retryAfter(header: string | null): { retryAfterMs?: number } {
  if (!header) return {};
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return { retryAfterMs: Math.ceil(seconds * 1000) };
  const date = Date.parse(header);
  return Number.isFinite(date) ? { retryAfterMs: Math.max(0, date - Date.now()) } : {};
}

/**
 * A token for calls to the Bot Connector, as botbuilder gets one (client credentials for the bot's
 * app registration, scope api.botframework.com); msal-node caches it until shortly before it expires.
 * Undefined without an app id: the local demo's connector takes anonymous calls.
 */
export function botConnectorToken(config: Config): (() => Promise<string>) | undefined {
  const { appId, appPassword } = config.bot;
  if (!appId || !appPassword) return undefined;
  const authority = config.bot.loginUrl ?? `${AuthenticationConstants.ToChannelFromBotLoginUrlPrefix}${config.tenantId ?? ''}`;
  const client = createConfidentialClient({ clientId: appId, clientSecret: appPassword, authority, trustAuthority: Boolean(config.bot.loginUrl) });
  return async () => {
    const result = await client.acquireTokenByClientCredential({ scopes: [`${AuthenticationConstants.ToChannelFromBotOAuthScope}/.default`] });
    if (!result?.accessToken) throw new Error('No Bot Framework token for the app registration');
    return result.accessToken;
  };
}

/** The Bot Connector the configuration names (Teams', or BOT_CONNECTOR_URL), with the bot's token. */
export function connectorFromConfig(config: Config): BotConnector {
  const token = botConnectorToken(config);
  return createBotConnector({
    ...(config.bot.connectorUrl ? { connectorUrl: config.bot.connectorUrl } : {}),
    ...(token ? { token } : {}),
    dispatcher: new Agent({ connections: 64, keepAliveTimeout: 30_000 }),
  });
}
