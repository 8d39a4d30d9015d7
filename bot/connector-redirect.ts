import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { ConnectorFactory, type AuthenticateRequestResult, type ClaimsIdentity, type ConnectorClient } from 'botframework-connector';

/** Creates every ConnectorClient for one fixed URL, whatever serviceUrl the activity names. */
class RedirectedConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly connectorUrl: string,
  ) {
    super();
  }

  override create(_serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.inner.create(`${this.connectorUrl}/`, audience);
  }
}

/**
 * Bot Framework authentication whose outgoing calls (replies and proactive sends) go to
 * `connectorUrl` when one is configured. The incoming activity keeps its own serviceUrl, so the
 * token's `serviceurl` claim is still checked against it and stored conversation references stay true.
 */
export class RedirectingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private connectorUrl?: string;

  /** Sends everything to this Bot Connector from now on (tests point it at one they run). */
  redirectTo(connectorUrl: string | undefined): this {
    this.connectorUrl = connectorUrl?.replace(/\/+$/, '');
    return this;
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    return result.connectorFactory ? { ...result, connectorFactory: this.redirect(result.connectorFactory) } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.redirect(super.createConnectorFactory(claimsIdentity));
  }

  private redirect(factory: ConnectorFactory): ConnectorFactory {
    return this.connectorUrl ? new RedirectedConnectorFactory(factory, this.connectorUrl) : factory;
  }
}
