import assert from 'node:assert/strict';
import { loadConfig } from '../../app/config.js';
import { connectGraph } from '../../app/graph-connection.js';
import { GraphError, type GraphClient } from '../../graph/graph-client.js';
import { botChatId, findBotMessage, installAppForUser } from '../../graph/teams-apps.js';
import { simulatorEnv, startSimulator, type Simulator } from '../../sim/index.js';

describe('the Digipuls app in staff chats, through Microsoft Graph', function () {
  this.timeout(60_000);
  let sim: Simulator;
  let connection: ReturnType<typeof connectGraph>;
  let graph: GraphClient;
  before(async () => {
    sim = await startSimulator({ staff: 60, seed: 'teams-apps', appInstalledFor: 'nobody' });
    connection = connectGraph(loadConfig(simulatorEnv(sim)));
    graph = connection.graph;
  });
  after(async () => {
    await connection?.close();
    await sim?.close();
  });
  const person = (i: number) => sim.municipality.people[i]!.id;
  const catalog = () => sim.teamsApp.catalogId;

  it('installs the app for a person once (then says it was there), and finds the chat it gives', async () => {
    assert.equal(await botChatId(graph, person(0), catalog()), undefined, 'no chat before the app is installed');
    assert.equal(await installAppForUser(graph, person(0), catalog()), 'installed');
    assert.equal(await installAppForUser(graph, person(0), catalog()), 'already_installed');
    assert.equal(sim.isAppInstalled(person(0)), true);
    assert.match((await botChatId(graph, person(0), catalog())) ?? '', /\S/);
  });

  it('says when the tenant does not allow installing, or the person is unknown', async () => {
    sim.setAppInstallAllowed(false);
    try {
      assert.equal(await installAppForUser(graph, person(1), catalog()), 'blocked');
    } finally {
      sim.setAppInstallAllowed(true);
    }
    assert.equal(await installAppForUser(graph, '00000000-0000-4000-8000-00000000dead', catalog()), 'not_found');
  });

  it('finds the bot’s card by its marker in the chat, and nothing for a marker never sent', async () => {
    await installAppForUser(graph, person(2), catalog());
    const chatId = (await botChatId(graph, person(2), catalog()))!;
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Container', id: 'digipuls-announcement-abc', items: [] }] };
    const sent = await fetch(`${sim.url}/v3/conversations/${encodeURIComponent(`a:chat-${person(2)}`)}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }),
    });
    const { id } = (await sent.json()) as { id: string };
    assert.equal(await findBotMessage(graph, chatId, undefined, 'digipuls-announcement-abc'), id);
    assert.equal(await findBotMessage(graph, chatId, undefined, 'digipuls-announcement-other'), undefined);
  });

  it('refuses answers that are not as Graph documents them, naming what is wrong', async () => {
    await installAppForUser(graph, person(3), catalog());
    const noChatId: GraphClient = { ...graph, get: async (path) => (path.endsWith('/chat') ? { topic: null } : graph.get(path)) };
    await assert.rejects(botChatId(noChatId, person(3), catalog()), (error: unknown) => error instanceof GraphError && error.code === 'unexpected_response' && /chat id/.test(error.message));
    // (A page of messages that is not as documented is refused by GraphClient.pages itself, for every collection.)
  });
});
