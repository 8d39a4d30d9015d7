import assert from 'node:assert/strict';
import { simulatorEnv, startSimulator, type Simulator } from '../../sim/index.js';
import { announcementCard, cardActivity } from './announcement-helpers.js';
import { appToken } from './sim-helpers.js';

interface ErrorBody {
  error: { code: string; message: string };
}
interface InstalledApps {
  value: Array<{ id: string; teamsApp?: { id: string; externalId: string; displayName: string } }>;
}
interface ChatMessage {
  id: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  messageType: string;
  chatId: string;
  from: { application: { id: string; displayName: string; applicationIdentityType: string }; user: null };
  body: { contentType: string; content: string };
  attachments: Array<{ id: string; contentType: string; content: string }>;
}
interface MessagePage {
  '@odata.nextLink'?: string;
  value: ChatMessage[];
}

/** Proactive reach through Graph: installing the app for staff, the chat it opens, and the bot's messages in it. */
describe('simulator: Teams app installation and chats (Graph)', () => {
  let sim: Simulator;
  let token: string;
  const [installedAtStart, other, third] = [0, 1, 2];
  before(async () => {
    const people = (await import('../../sim/index.js')).generateMunicipality({ staff: 100, seed: 'teamwork-test' }).people;
    sim = await startSimulator({ staff: 100, seed: 'teamwork-test', appInstalledFor: [people[installedAtStart]!.userPrincipalName], connector: { perConversation: false, tenantPerSecond: 1000 } });
    token = await appToken(sim);
  });
  after(() => sim?.close());

  const person = (i: number) => sim.municipality.people[i]!;
  const graph = (path: string, init: RequestInit = {}, bearer = token) =>
    fetch(`${sim.url}/v1.0${path}`, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, ...init.headers } });
  const bind = (catalogId = sim.teamsApp.catalogId) => JSON.stringify({ 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${catalogId}` });
  const install = (userId: string, body = bind(), bearer = token) => graph(`/users/${userId}/teamwork/installedApps`, { method: 'POST', body }, bearer);
  const installedApps = (userId: string) =>
    graph(`/users/${userId}/teamwork/installedApps?$expand=teamsApp&$filter=${encodeURIComponent(`teamsApp/externalId eq '${sim.teamsApp.externalId}'`)}`);

  it('names the app in the catalog and hands its catalog id to Digipuls', () => {
    assert.match(sim.teamsApp.catalogId, /^[0-9a-f-]{36}$/);
    assert.equal(sim.teamsApp.externalId, sim.app.clientId);
    assert.equal(simulatorEnv(sim).TEAMS_APP_CATALOG_ID, sim.teamsApp.catalogId);
  });

  it('installs the app for a person: 201, then 409; the installation and its chat can be read', async () => {
    const p = person(other);
    assert.equal(sim.isAppInstalled(p.id), false);
    assert.deepEqual(((await (await installedApps(p.id)).json()) as InstalledApps).value, []);
    // A person the app is not installed for cannot be reached: Teams refuses the conversation.
    const refused = await fetch(`${sim.url}/v3/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ isGroup: false, members: [{ id: `29:${p.id}` }], tenantId: sim.tenantId, activity: { type: 'message', text: 'hei' } }),
    });
    assert.equal(refused.status, 403);
    assert.equal(((await refused.json()) as ErrorBody).error.code, 'BotNotInConversationRoster');

    const created = await install(p.id);
    assert.equal(created.status, 201);
    assert.equal(await created.text(), '');
    assert.equal(sim.isAppInstalled(p.userPrincipalName), true);
    const again = await install(p.userPrincipalName);
    assert.equal(again.status, 409);
    assert.equal(((await again.json()) as ErrorBody).error.code, 'Conflict');

    const list = (await (await installedApps(p.id)).json()) as InstalledApps;
    assert.equal(list.value.length, 1);
    assert.deepEqual(list.value[0]!.teamsApp, { id: sim.teamsApp.catalogId, externalId: sim.teamsApp.externalId, displayName: 'Digipuls', distributionMethod: 'organization' });
    const installationId = list.value[0]!.id;
    assert.equal(Buffer.from(installationId, 'base64').toString(), `${p.id}##${sim.teamsApp.catalogId}`, "Graph's installation ids: base64 of user and app");
    const notOurs = (await (await graph(`/users/${p.id}/teamwork/installedApps?$filter=${encodeURIComponent("teamsApp/externalId eq 'someone-else'")}`)).json()) as InstalledApps;
    assert.deepEqual(notOurs.value, []);
    const plain = (await (await graph(`/users/${p.id}/teamwork/installedApps`)).json()) as InstalledApps;
    assert.deepEqual(plain.value, [{ id: installationId }], 'teamsApp only when expanded');

    const chat = await graph(`/users/${p.id}/teamwork/installedApps/${encodeURIComponent(installationId)}/chat`);
    assert.equal(chat.status, 200);
    const body = (await chat.json()) as { id: string; chatType: string };
    assert.equal(body.id, `19:${p.id}_${sim.app.clientId}@unq.gbl.spaces`);
    assert.equal(body.chatType, 'oneOnOne');

    // Now the bot can open the conversation.
    const opened = await fetch(`${sim.url}/v3/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ isGroup: false, members: [{ id: `29:${p.id}` }], tenantId: sim.tenantId, activity: { type: 'message', text: 'hei' } }),
    });
    assert.equal(opened.status, 201);
  });

  it('lists people installed at start (appInstalledFor) and refuses installs the tenant policy forbids', async () => {
    assert.equal(sim.isAppInstalled(person(installedAtStart).id), true);
    assert.equal((await install(person(installedAtStart).id)).status, 409);
    sim.setAppInstallAllowed(false);
    try {
      const forbidden = await install(person(third).id);
      assert.equal(forbidden.status, 403);
      assert.match(((await forbidden.json()) as ErrorBody).error.message, /policy/);
      assert.equal(sim.isAppInstalled(person(third).id), false);
    } finally {
      sim.setAppInstallAllowed(true);
    }
    const policy = await startSimulator({ staff: 100, seed: 'teamwork-test', appInstalledFor: 'nobody', appInstallAllowed: false });
    try {
      const t = await appToken(policy);
      const r = await fetch(`${policy.url}/v1.0/users/${policy.municipality.people[0]!.id}/teamwork/installedApps`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t}` },
        body: bind(policy.teamsApp.catalogId),
      });
      assert.equal(r.status, 403);
    } finally {
      await policy.close();
    }
    await assert.rejects(startSimulator({ staff: 100, seed: 'x', appInstalledFor: ['nobody@nowhere'] }), /appInstalledFor/);
  });

  it('answers bad installs as Graph does: 404 unknown user or app, 400 bad body, 401/403 tokens', async () => {
    const p = person(third);
    assert.equal((await install('00000000-0000-4000-8000-000000000000')).status, 404);
    const unknownApp = await install(p.id, bind('11111111-1111-4111-8111-111111111111'));
    assert.equal(unknownApp.status, 404);
    for (const body of ['{}', 'not json', JSON.stringify({ 'teamsApp@odata.bind': 'https://graph.microsoft.com/v1.0/teams/abc' }), JSON.stringify({ 'teamsApp@odata.bind': 5 })]) {
      const r = await install(p.id, body);
      assert.equal(r.status, 400, body);
      assert.equal(((await r.json()) as ErrorBody).error.code, 'BadRequest');
    }
    assert.equal((await install(p.id, JSON.stringify({ 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps('${sim.teamsApp.catalogId}')` }))).status, 201, "the ('id') form too");
    assert.equal((await graph(`/users/${p.id}/teamwork/installedApps?$filter=${encodeURIComponent('displayName eq 1')}`)).status, 400);
    assert.equal((await graph(`/users/${p.id}/teamwork/installedApps/${Buffer.from('x##y').toString('base64')}/chat`)).status, 404);
    const someoneElses = Buffer.from(`${person(other).id}##${sim.teamsApp.catalogId}`).toString('base64');
    assert.equal((await graph(`/users/${p.id}/teamwork/installedApps/${someoneElses}/chat`)).status, 404);
    assert.equal((await install(p.id, bind(), 'garbage')).status, 401);

    const narrow = await startSimulator({ staff: 100, seed: 'teamwork-test', graphAppRoles: ['User.Read.All'] });
    try {
      const t = await appToken(narrow);
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${t}` };
      const u = narrow.municipality.people[0]!.id;
      assert.equal((await fetch(`${narrow.url}/v1.0/users/${u}/teamwork/installedApps`, { method: 'POST', headers, body: bind(narrow.teamsApp.catalogId) })).status, 403);
      assert.equal((await fetch(`${narrow.url}/v1.0/users/${u}/teamwork/installedApps`, { headers })).status, 403);
      assert.equal((await fetch(`${narrow.url}/v1.0/chats/${encodeURIComponent(`19:${u}_${narrow.app.clientId}@unq.gbl.spaces`)}/messages`, { headers })).status, 403);
    } finally {
      await narrow.close();
    }
  });

  it("shows the bot's messages in a person's 1:1 chat: both conversations, newest first, paged, updates in place", async () => {
    const p = person(installedAtStart);
    const created = await fetch(`${sim.url}/v3/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ isGroup: false, members: [{ id: p.id }], tenantId: sim.tenantId, activity: { type: 'message', text: 'first <b>' } }),
    });
    const { id: conversationId, activityId: firstId } = (await created.json()) as { id: string; activityId: string };
    const sent: string[] = [firstId];
    const post = async (conversation: string, activity: unknown) => {
      const r = await fetch(`${sim.url}/v3/conversations/${encodeURIComponent(conversation)}/activities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      assert.equal(r.status, 201);
      return ((await r.json()) as { id: string }).id;
    };
    for (let i = 0; i < 22; i++) sent.push(await post(i % 2 ? conversationId : `a:chat-${p.id}`, { type: 'message', text: `message ${i}` }));
    const card = announcementCard('a-1', { acknowledge: true });
    const cardId = await post(`a:chat-${p.id}`, cardActivity(card));
    sent.push(cardId);
    // Typing is no message; it does not show in the chat.
    await post(`a:chat-${p.id}`, { type: 'typing' });
    const acknowledged = announcementCard('a-1');
    const put = await fetch(`${sim.url}/v3/conversations/${encodeURIComponent(conversationId)}/activities/${cardId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...cardActivity(acknowledged), id: cardId }),
    });
    assert.equal(put.status, 200);
    assert.equal(sim.connector.deliveries('a-1').get(p.id), 1, 'the update is not a delivery');

    const chatId = `19:${p.id}_${sim.app.clientId}@unq.gbl.spaces`;
    const pages: ChatMessage[][] = [];
    let link: string | undefined = `${sim.url}/v1.0/chats/${encodeURIComponent(chatId)}/messages?$top=10`;
    while (link) {
      const response: Response = await fetch(link, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(response.status, 200, `${link}: ${response.status} ${await response.clone().text()}`);
      const page = (await response.json()) as MessagePage;
      pages.push(page.value);
      link = page['@odata.nextLink'];
    }
    assert.deepEqual(pages.map((p) => p.length), [10, 10, 4]);
    const all = pages.flat();
    assert.deepEqual(all.map((m) => m.id), [...sent].reverse(), 'every message once, newest first');
    const [newest] = all;
    assert.equal(newest!.chatId, chatId);
    assert.equal(newest!.messageType, 'message');
    assert.deepEqual(newest!.from, { application: { id: sim.app.clientId, displayName: 'Digipuls', applicationIdentityType: 'bot' }, device: null, user: null });
    assert.equal(newest!.attachments.length, 1);
    const attachment = newest!.attachments[0]!;
    assert.equal(attachment.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.deepEqual(JSON.parse(attachment.content), acknowledged, 'the PUT replaced the content');
    assert.deepEqual(newest!.body, { contentType: 'html', content: `<attachment id="${attachment.id}"></attachment>` });
    assert.ok(newest!.lastModifiedDateTime >= newest!.createdDateTime);
    const oldest = all[all.length - 1]!;
    assert.deepEqual([oldest.body, oldest.attachments], [{ contentType: 'text', content: 'first <b>' }, []]);

    assert.equal((await graph(`/chats/${encodeURIComponent(chatId)}/messages`).then((r) => r.json()) as MessagePage).value.length, 20, '$top defaults to 20');
    assert.equal((await graph(`/chats/${encodeURIComponent(chatId)}/messages?$top=51`)).status, 400);
    assert.equal((await graph(`/chats/${encodeURIComponent(chatId)}/messages?$top=0`)).status, 400);
    assert.equal((await graph(`/chats/${encodeURIComponent(chatId)}/messages?$skiptoken=abc`)).status, 400);
    assert.equal((await graph(`/chats/${encodeURIComponent(chatId)}/messages?$orderby=createdDateTime%20desc`)).status, 200);
    assert.equal((await graph(`/chats/${encodeURIComponent(`19:00000000-0000-4000-8000-000000000000_${sim.app.clientId}@unq.gbl.spaces`)}/messages`)).status, 404);
    assert.equal((await graph(`/chats/${encodeURIComponent(`19:${p.id}_00000000-0000-4000-8000-000000000000@unq.gbl.spaces`)}/messages`)).status, 404);
    assert.equal((await graph('/chats/19%3Anonsense%40thread.v2/messages')).status, 404);
    // Someone with neither the app nor a message has no chat with the bot.
    const stranger = sim.municipality.people.find((s) => !sim.isAppInstalled(s.id))!;
    assert.equal((await graph(`/chats/${encodeURIComponent(`19:${stranger.id}_${sim.app.clientId}@unq.gbl.spaces`)}/messages`)).status, 404);
    // An empty chat: the app installed, nothing sent.
    const empty = (await (await graph(`/chats/${encodeURIComponent(`19:${person(other).id}_${sim.app.clientId}@unq.gbl.spaces`)}/messages`)).json()) as MessagePage;
    assert.ok(Array.isArray(empty.value));
  });

  it('can be throttled like other Graph calls', async () => {
    sim.faults.throttle({ target: 'teamwork', count: 1, retryAfter: '1.5' });
    const r = await installedApps(person(installedAtStart).id);
    assert.deepEqual([r.status, r.headers.get('retry-after')], [429, '1.5']);
    assert.equal((await installedApps(person(installedAtStart).id)).status, 200);
  });
});
