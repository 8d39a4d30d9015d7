import type { SimContext } from './context.js';
import { sendJson, type Router } from './http.js';

/** The issuer of channel → bot tokens, as Microsoft's Bot Connector uses it. */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
/** Channels the simulator's signing key is endorsed for (botbuilder checks the activity's channelId against these). */
const ENDORSEMENTS = ['msteams', 'emulator', 'webchat', 'directline'];

/** The Bot Framework's OpenID metadata and keys, so a bot with an app id validates the simulator's channel tokens. */
export function registerBotFrameworkMetadata(router: Router, ctx: SimContext): void {
  router.on('GET', '/botframework/v1/.well-known/openidconfiguration', (req, res) =>
    sendJson(res, 200, {
      issuer: BOT_FRAMEWORK_ISSUER,
      authorization_endpoint: 'https://invalid.botframework.com',
      jwks_uri: `${req.origin}/botframework/v1/.well-known/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    }),
  );
  router.on('GET', '/botframework/v1/.well-known/keys', (_req, res) =>
    sendJson(res, 200, { keys: [{ ...ctx.botFrameworkKey.publicJwk, endorsements: ENDORSEMENTS }] }),
  );
}

/** Signs a channel → bot token as the Bot Connector does for an activity it posts to the bot. */
export function issueChannelToken(ctx: SimContext, options: { appId: string; serviceUrl: string; expiresInSeconds?: number }): Promise<string> {
  return ctx.botFrameworkKey.sign(
    { iss: BOT_FRAMEWORK_ISSUER, aud: options.appId, serviceurl: options.serviceUrl },
    options.expiresInSeconds ?? 3600,
  );
}
