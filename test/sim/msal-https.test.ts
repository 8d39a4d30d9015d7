import assert from 'node:assert/strict';
import https from 'node:https';
import { ConfidentialClientApplication, ProtocolMode } from '@azure/msal-node';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationReference } from 'botbuilder';
import { AuthenticationConstants, MsalServiceClientCredentialsFactory } from 'botframework-connector';
import { startSimulator, type Simulator } from '../../sim/index.js';
import { claims, SIM_CA } from './sim-helpers.js';

/**
 * msal-node refuses http authorities, so the simulator's Entra ID is used over HTTPS with its own CA.
 * These tests are the recipe in sim/README.md, run.
 */
describe('simulator: msal-node and botbuilder get tokens over HTTPS', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ staff: 100, seed: 'msal-test' });
  });
  after(() => sim?.close());

  const client = (authority: string, options: { protocolMode?: ProtocolMode; trustSimulator?: boolean } = {}) =>
    new ConfidentialClientApplication({
      auth: {
        clientId: sim.app.clientId,
        clientSecret: sim.app.clientSecret,
        authority,
        // Trusted as given: without this msal asks login.microsoftonline.com for instance discovery.
        knownAuthorities: [new URL(authority).host],
        ...(options.protocolMode ? { protocolMode: options.protocolMode } : {}),
      },
      ...(options.trustSimulator === false ? {} : { system: { customAgentOptions: { ca: SIM_CA } } }),
    });

  it('msal-node client credentials for Graph (AAD protocol mode), and the token opens Graph /users', async () => {
    const result = await client(`${sim.httpsUrl}/${sim.tenantId}`).acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    assert.ok(result?.accessToken);
    assert.equal(claims(result.accessToken).aud, 'https://graph.microsoft.com');
    const users = await fetch(`${sim.url}/v1.0/users?$top=1`, { headers: { authorization: `Bearer ${result.accessToken}` } });
    assert.equal(users.status, 200);
  });

  it('msal-node in OIDC protocol mode against botframework.com, for bot → channel tokens', async () => {
    const result = await client(`${sim.httpsUrl}/botframework.com`, { protocolMode: ProtocolMode.OIDC }).acquireTokenByClientCredential({
      scopes: ['https://api.botframework.com/.default'],
    });
    assert.equal(claims(result!.accessToken).aud, 'https://api.botframework.com');
  });

  it('msal-node reports a wrong secret as invalid_client', async () => {
    const wrong = new ConfidentialClientApplication({
      auth: { clientId: sim.app.clientId, clientSecret: 'wrong', authority: `${sim.httpsUrl}/${sim.tenantId}`, knownAuthorities: [new URL(sim.httpsUrl).host] },
      system: { customAgentOptions: { ca: SIM_CA } },
    });
    await assert.rejects(wrong.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }), /invalid_client/);
  });

  it('a single-tenant botbuilder CloudAdapter sends through the connector with a token from the tenant, trusting the CA process-wide', async () => {
    const previousCa = https.globalAgent.options.ca;
    https.globalAgent.options.ca = SIM_CA;
    try {
      // SingleTenant bots get their tokens from their own tenant (multi-tenant ones from botframework.com).
      const loginUrl = `${sim.httpsUrl}/${sim.tenantId}`;
      const auth = new ConfigurationBotFrameworkAuthentication(
        {
          MicrosoftAppId: sim.app.clientId,
          MicrosoftAppPassword: sim.app.clientSecret,
          MicrosoftAppTenantId: sim.tenantId,
          MicrosoftAppType: 'SingleTenant',
          ToChannelFromBotLoginUrl: loginUrl,
          ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
          ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
          ToBotFromChannelOpenIdMetadataUrl: `${sim.url}/botframework/v1/.well-known/openidconfiguration`,
          ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
          OAuthUrl: AuthenticationConstants.OAuthUrl,
          CallerId: '',
          ValidateAuthority: true,
        },
        // botbuilder's own password factory builds an msal client without knownAuthorities; hand it one with them.
        new MsalServiceClientCredentialsFactory(sim.app.clientId, client(loginUrl, { trustSimulator: false }) as unknown as ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1]),
      );
      const adapter = new CloudAdapter(auth);
      const person = sim.municipality.demoPersons.staff;
      const reference: Partial<ConversationReference> = {
        channelId: 'msteams',
        serviceUrl: `${sim.url}/`,
        conversation: { id: `a:proactive-${person.id}`, isGroup: false, conversationType: 'personal', name: '' },
        bot: { id: `28:${sim.app.clientId}`, name: 'Digipuls' },
        user: { id: `29:${person.id}`, name: person.displayName, aadObjectId: person.id },
      };
      await adapter.continueConversationAsync(sim.app.clientId, reference, async (context) => {
        await context.sendActivity('Hei fra Digipuls');
      });
      const sent = await sim.connector.waitFor((a) => a.conversationId === `a:proactive-${person.id}`);
      assert.equal(sent.activity.text, 'Hei fra Digipuls');
      assert.equal(sent.authorization, 'valid', 'the connector saw a bot → channel token from the simulated tenant');
    } finally {
      https.globalAgent.options.ca = previousCa;
    }
  });
});
