import assert from 'node:assert/strict';
import { SignJWT, generateKeyPair } from 'jose';
import { cardOf, cardText, messageActivity, postActivity } from '../support/activities.js';
import { startSimulator, type Simulator } from '../../sim/index.js';
import { startTestStack, type TestStack } from '../support/stack.js';

describe('bot: Bot Framework tokens and the tenant guard, with an app id', () => {
  let stack: TestStack;
  before(async () => {
    stack = await startTestStack({ botAuth: true });
  });
  after(() => stack?.close());

  const person = () => stack.sim.municipality.demoPersons.staff;
  const serviceUrl = () => `${stack.sim.url}/`;
  const validToken = (url = serviceUrl()) => stack.sim.issueChannelToken({ appId: stack.sim.app.clientId, serviceUrl: url });

  it('accepts a valid channel token and replies through the connector with its own bot token', async () => {
    stack.sim.connector.clear();
    const response = await postActivity(stack, messageActivity(stack, person(), 'hjelp'), { authorization: `Bearer ${await validToken()}` });
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
      ['garbage', { authorization: 'Bearer not.a.jwt' }],
      ['forged (signed with a key the Bot Framework never published)', { authorization: `Bearer ${forged}` }],
      ['expired', { authorization: `Bearer ${await stack.sim.issueChannelToken({ appId: stack.sim.app.clientId, serviceUrl: serviceUrl(), expiresInSeconds: -3600 })}` }],
      ['wrong audience', { authorization: `Bearer ${await stack.sim.issueChannelToken({ appId: '00000000-0000-4000-8000-000000000000', serviceUrl: serviceUrl() })}` }],
      ['serviceUrl other than the token names', { authorization: `Bearer ${await validToken('https://evil.example/')}` }],
    ];
    stack.sim.connector.clear();
    for (const [label, headers] of cases) {
      const response = await postActivity(stack, messageActivity(stack, person(), 'hjelp'), headers);
      assert.equal(response.status, 401, label);
      assert.equal(((await response.json()) as { code: string }).code, 'invalid_bot_token', label);
    }
    assert.equal(stack.sim.connector.activities.length, 0, 'nothing was sent for a refused request');
  });

  it('refuses activities from another tenant (403) before any handler runs, and only after the token check', async () => {
    const other = '99999999-9999-4999-8999-999999999999';
    const stranger = { id: '7b1c1b4e-1111-4111-8111-111111111111', displayName: 'Utenfor' };
    const foreign = messageActivity(stack, stranger, 'hjelp', {
      conversation: { id: 'a:foreign', conversationType: 'personal', tenantId: other },
      channelData: { tenant: { id: other } },
    });
    stack.sim.connector.clear();
    assert.equal((await postActivity(stack, foreign)).status, 401, 'no token: nothing said about the tenant');
    const response = await postActivity(stack, foreign, { authorization: `Bearer ${await validToken()}` });
    assert.equal(response.status, 403);
    assert.equal(((await response.json()) as { code: string }).code, 'foreign_tenant');
    assert.equal(await stack.directory.findPerson(other, stranger.id), undefined, 'nothing stored');
    assert.equal(stack.sim.connector.activities.length, 0, 'nothing sent');
  });
});

describe('bot: a configured connector URL (BOT_CONNECTOR_URL) with token validation on', () => {
  let stack: TestStack;
  let connector: Simulator;
  const teamsServiceUrl = 'https://smba.trafficmanager.net/emea/';
  before(async () => {
    // A second simulator plays the configured connector; the stack's own one issues the tokens.
    connector = await startSimulator({ port: 0, staff: 200, seed: 'connector' });
    stack = await startTestStack({ botAuth: true, env: { BOT_CONNECTOR_URL: connector.url } });
  });
  after(async () => {
    await stack?.close();
    await connector?.close();
  });

  it("checks the token against Teams' own serviceUrl, replies through the configured connector, and remembers the real serviceUrl", async () => {
    const person = stack.sim.municipality.demoPersons.staff;
    const token = await stack.sim.issueChannelToken({ appId: stack.sim.app.clientId, serviceUrl: teamsServiceUrl });
    const activity = messageActivity(stack, person, 'hjelp', { serviceUrl: teamsServiceUrl });
    const response = await postActivity(stack, activity, { authorization: `Bearer ${token}` });
    assert.equal(response.status, 200);
    const sent = await connector.connector.waitFor((a) => a.conversationId === `a:chat-${person.id}`, 5000);
    assert.match(cardText(cardOf(sent.activity)), /Hei, jeg er Digipuls/);
    assert.equal(stack.sim.connector.activities.length, 0, 'nothing went to the serviceUrl the activity named');
    const stored = await stack.directory.findPerson(stack.sim.tenantId, person.id);
    assert.equal((stored?.conversationReference as { serviceUrl?: string }).serviceUrl, teamsServiceUrl);
  });
});
