import assert from 'node:assert/strict';
import { SignJWT, generateKeyPair } from 'jose';
import { cardOf, cardText, messageActivity, postActivity } from '../support/activities.js';
import { startTestStack, type TestStack } from '../support/stack.js';

describe('bot: Bot Framework token validation with an app id', () => {
  let stack: TestStack;
  before(async () => {
    stack = await startTestStack({ botAuth: true });
  });
  after(() => stack?.close());

  const person = () => stack.sim.municipality.demoPersons.staff;
  const activity = () => messageActivity(stack, person(), 'hjelp');
  const serviceUrl = () => `${stack.sim.url}/`;

  it('accepts a valid channel token and replies through the connector with its own bot token', async () => {
    stack.sim.connector.clear();
    const token = await stack.sim.issueChannelToken({ appId: stack.sim.app.clientId, serviceUrl: serviceUrl() });
    const response = await postActivity(stack, activity(), { authorization: `Bearer ${token}` });
    assert.equal(response.status, 200);
    const sent = await stack.sim.connector.waitFor((a) => a.conversationId === `a:chat-${person().id}`, 5000);
    assert.match(cardText(cardOf(sent.activity)), /Hei, jeg er Digipuls/);
    assert.equal(sent.authorization, 'valid', 'the reply carried a bot → channel token from Entra ID');
  });

  it('refuses a request without a token, and forged, expired and wrong-audience tokens, with 401', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ serviceurl: serviceUrl() })
      .setProtectedHeader({ alg: 'RS256', kid: 'sim-bf-test' })
      .setIssuer('https://api.botframework.com')
      .setAudience(stack.sim.app.clientId)
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(privateKey);
    const cases: Array<[string, Record<string, string>]> = [
      ['no token', {}],
      ['not a bearer token', { authorization: 'Basic dXNlcjpwYXNz' }],
      ['forged (signed with a key the Bot Framework never published)', { authorization: `Bearer ${forged}` }],
      ['expired', { authorization: `Bearer ${await stack.sim.issueChannelToken({ appId: stack.sim.app.clientId, serviceUrl: serviceUrl(), expiresInSeconds: -3600 })}` }],
      ['wrong audience', { authorization: `Bearer ${await stack.sim.issueChannelToken({ appId: '00000000-0000-4000-8000-000000000000', serviceUrl: serviceUrl() })}` }],
      ['serviceUrl other than the token names', { authorization: `Bearer ${await stack.sim.issueChannelToken({ appId: stack.sim.app.clientId, serviceUrl: 'https://evil.example/' })}` }],
    ];
    stack.sim.connector.clear();
    for (const [label, headers] of cases) {
      const response = await postActivity(stack, activity(), headers);
      assert.equal(response.status, 401, label);
    }
    assert.equal(stack.sim.connector.activities.length, 0, 'nothing was sent for a refused request');
  });

  it('refuses activities from another tenant before any handler runs', async () => {
    const other = '99999999-9999-4999-8999-999999999999';
    const stranger = { id: '7b1c1b4e-1111-4111-8111-111111111111', displayName: 'Utenfor' };
    const foreign = messageActivity(stack, stranger, 'hjelp', {
      conversation: { id: 'a:foreign', conversationType: 'personal', tenantId: other },
      channelData: { tenant: { id: other } },
    });
    const token = await stack.sim.issueChannelToken({ appId: stack.sim.app.clientId, serviceUrl: serviceUrl() });
    const response = await postActivity(stack, foreign, { authorization: `Bearer ${token}` });
    assert.equal(response.status, 403);
    assert.equal(await stack.directory.findPerson(other, stranger.id), undefined);
  });
});
