import assert from 'node:assert/strict';
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { AuthenticationConstants, PasswordServiceClientCredentialFactory } from 'botframework-connector';
import { startSimulator, type Simulator } from '../../sim/index.js';
import { claims } from './sim-helpers.js';

/** The channel side: a bot validating the simulator's channel → bot tokens exactly as it would Microsoft's. */
describe('simulator: Bot Framework channel tokens', () => {
  let sim: Simulator;
  let auth: ConfigurationBotFrameworkAuthentication;
  before(async () => {
    sim = await startSimulator({ staff: 100, seed: 'bf-test' });
    auth = new ConfigurationBotFrameworkAuthentication(
      {
        MicrosoftAppId: sim.app.clientId,
        MicrosoftAppTenantId: sim.tenantId,
        MicrosoftAppType: 'SingleTenant',
        ToChannelFromBotLoginUrl: `${sim.httpsUrl}/${sim.tenantId}`,
        ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
        ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
        ToBotFromChannelOpenIdMetadataUrl: `${sim.url}/botframework/v1/.well-known/openidconfiguration`,
        ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
        OAuthUrl: AuthenticationConstants.OAuthUrl,
        CallerId: '',
        ValidateAuthority: true,
      },
      new PasswordServiceClientCredentialFactory(sim.app.clientId, sim.app.clientSecret, sim.tenantId),
    );
  });
  after(() => sim?.close());

  const activity = (overrides: Partial<Activity> = {}) =>
    ({ type: 'message', text: 'hei', channelId: 'msteams', serviceUrl: `${sim.url}/`, conversation: { id: 'a:1' }, from: { id: '29:x' }, recipient: { id: '28:bot' }, ...overrides }) as Activity;
  const token = (o: { appId?: string; serviceUrl?: string } = {}) => sim.issueChannelToken({ appId: o.appId ?? sim.app.clientId, serviceUrl: o.serviceUrl ?? `${sim.url}/` });

  it('publishes OpenID metadata with the Bot Framework issuer and keys endorsed for Teams', async () => {
    const metadata = (await (await fetch(`${sim.url}/botframework/v1/.well-known/openidconfiguration`)).json()) as { issuer: string; jwks_uri: string };
    assert.equal(metadata.issuer, 'https://api.botframework.com');
    const { keys } = (await (await fetch(metadata.jwks_uri)).json()) as { keys: Array<{ kid: string; endorsements: string[] }> };
    assert.ok(keys[0]!.endorsements.includes('msteams'));
    const header = JSON.parse(Buffer.from((await token()).split('.')[0]!, 'base64url').toString('utf8')) as { kid: string };
    assert.equal(header.kid, keys[0]!.kid);
  });

  it('signs tokens botbuilder accepts: issuer, audience = app id, serviceurl claim', async () => {
    const issued = claims(await token());
    assert.equal(issued.iss, 'https://api.botframework.com');
    assert.equal(issued.aud, sim.app.clientId);
    assert.equal(issued.serviceurl, `${sim.url}/`);
    const result = await auth.authenticateRequest(activity(), `Bearer ${await token()}`);
    assert.equal(result.claimsIdentity.isAuthenticated, true);
    assert.equal(result.claimsIdentity.getClaimValue('aud'), sim.app.clientId);
  });

  it('is refused by botbuilder for another app, another serviceUrl, or a channel the key is not endorsed for', async () => {
    // botbuilder prints the public key with console.error when it refuses a token; keep the test output readable.
    const consoleError = console.error;
    console.error = () => {};
    try {
      await assert.rejects(auth.authenticateRequest(activity(), `Bearer ${await token({ appId: '00000000-0000-4000-8000-000000000000' })}`), /audience|Invalid AppId/i);
      await assert.rejects(auth.authenticateRequest(activity(), `Bearer ${await token({ serviceUrl: 'https://evil.example/' })}`), /serviceUrl/i);
      await assert.rejects(auth.authenticateRequest(activity({ channelId: 'slack' }), `Bearer ${await token()}`), /endorsement/i);
    } finally {
      console.error = consoleError;
    }
  });
});
