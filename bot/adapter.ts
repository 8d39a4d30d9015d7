import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  MsalServiceClientCredentialsFactory,
  PasswordServiceClientCredentialFactory,
} from 'botframework-connector';
import type { Logger } from 'pino';
import type { Config } from '../app/config.js';
import { createConfidentialClient } from '../graph/confidential-client.js';
import { RedirectingBotFrameworkAuthentication } from './connector-redirect.js';

/**
 * The Bot Framework adapter. With an app id every incoming request must carry a valid channel token
 * (botbuilder checks signature, issuer, audience, expiry, endorsements and the serviceUrl claim);
 * without one (the local demo) requests are anonymous and the server listens on loopback only.
 */
export function createAdapter(config: Config, logger: Logger): DigipulsAdapter {
  const { appId, appPassword } = config.bot;
  const tenantId = config.tenantId ?? '';
  const loginUrl = config.bot.loginUrl ?? `${AuthenticationConstants.ToChannelFromBotLoginUrlPrefix}${tenantId}`;
  const credentials =
    appId && appPassword
      ? new MsalServiceClientCredentialsFactory(
          appId,
          // botframework-connector types msal-node from its CommonJS build; it is the same class.
          createConfidentialClient({ clientId: appId, clientSecret: appPassword, authority: loginUrl, trustAuthority: Boolean(config.bot.loginUrl) }) as unknown as ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1],
        )
      : // No app id: botbuilder's own switch for anonymous requests (the loopback-only demo).
        new PasswordServiceClientCredentialFactory('', '');
  const auth = new RedirectingBotFrameworkAuthentication(
    {
      MicrosoftAppId: appId ?? '',
      MicrosoftAppPassword: appPassword ?? '',
      MicrosoftAppTenantId: tenantId,
      MicrosoftAppType: 'SingleTenant',
      // Overriding one endpoint makes botbuilder take all of them from here, so Microsoft's defaults fill the rest.
      ToChannelFromBotLoginUrl: loginUrl,
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      ToBotFromChannelTokenIssuer: config.bot.tokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer,
      ToBotFromChannelOpenIdMetadataUrl: config.bot.openIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      CallerId: '',
      ValidateAuthority: true,
    },
    credentials,
  ).redirectTo(config.bot.connectorUrl);
  const adapter = new DigipulsAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityType: context.activity.type }, 'Bot turn failed');
  };
  return adapter;
}

/**
 * botbuilder's CloudAdapter.process answers 500 when the token's signature is wrong (the
 * jsonwebtoken error escapes unwrapped), so the route authenticates through this method and turns
 * every authentication failure into a 401 itself.
 */
export class DigipulsAdapter extends CloudAdapter {
  /** Authenticates the request and runs the turn; returns the invoke response, if any. */
  handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/** True for a refused token, whichever library raised it. */
export function isAuthenticationFailure(error: unknown): boolean {
  return error instanceof AuthenticationError || (error instanceof Error && TOKEN_ERRORS.has(error.name));
}
