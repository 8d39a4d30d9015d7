import assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../sim/index.js';
import { teamsEngagement } from '../../sim/survey-respondents.js';
import { appToken } from './sim-helpers.js';

interface Reaction {
  reactionType: string;
  createdDateTime: string;
  user: { user: { id: string } };
}
interface Reply {
  id: string;
  replyToId: string;
  from: { user: { id: string } };
}

/** Posts made outside Digipuls: channel posts with reactions and replies, SharePoint news pages with viewers. */
describe('simulator: channel posts and SharePoint news pages (Graph)', () => {
  let sim: Simulator;
  let token: string;
  before(async () => {
    sim = await startSimulator({ staff: 300, seed: 'posts-test' });
    token = await appToken(sim);
  });
  after(() => sim?.close());

  const graph = (path: string, bearer = token) => fetch(path.startsWith('http') ? path : `${sim.url}/v1.0${path}`, { headers: { authorization: `Bearer ${bearer}` } });
  const postPath = (i: number) => {
    const p = sim.posts.channelPosts[i]!;
    return `/teams/${p.teamId}/channels/${encodeURIComponent(p.channelId)}/messages/${p.messageId}`;
  };

  it('serves a channel post with its reactions, and its replies a page at a time; both match the truth per unit', async () => {
    const post = sim.posts.channelPosts[0]!;
    const message = (await (await graph(postPath(0))).json()) as { id: string; reactions: Reaction[]; channelIdentity: { teamId: string } };
    assert.equal(message.id, post.messageId);
    assert.equal(message.channelIdentity.teamId, post.teamId);
    const replies: Reply[] = [];
    let pages = 0;
    for (let next: string | undefined = `${postPath(0)}/replies?$top=10`; next; pages++) {
      const page = (await (await graph(next)).json()) as { value: Reply[]; '@odata.nextLink'?: string };
      replies.push(...page.value);
      next = page['@odata.nextLink'];
    }
    assert.ok(pages > 1, 'more than one page of replies');
    assert.ok(replies.every((r) => r.replyToId === post.messageId));
    assert.equal(new Set(replies.map((r) => r.id)).size, replies.length, 'no reply twice across pages');

    const unitOf = new Map(sim.municipality.people.map((p) => [p.id, p.department]));
    const counted = new Map<string | null, { reactions: number; replies: number; people: Set<string> }>();
    const at = (id: string) => {
      const unit = unitOf.get(id) ?? null;
      let c = counted.get(unit);
      if (!c) counted.set(unit, (c = { reactions: 0, replies: 0, people: new Set() }));
      c.people.add(id);
      return c;
    };
    for (const r of message.reactions) at(r.user.user.id).reactions++;
    for (const r of replies) at(r.from.user.id).replies++;
    const truth = sim.posts.truth(post.messageId);
    assert.deepEqual(new Map([...counted].map(([u, c]) => [u, { reactions: c.reactions, replies: c.replies, people: c.people.size }])), truth);
    assert.ok(message.reactions.length > 20 && replies.length > 10, 'enough to measure');
  });

  it('lets units that adopted Teams react more', () => {
    const post = sim.posts.channelPosts[0]!;
    const reactors = new Set(post.reactions.map((r) => r.person.id));
    const engaged = sim.municipality.people.filter((p) => p.accountEnabled && teamsEngagement('posts-test', p) > 0);
    const notOnTeams = sim.municipality.people.filter((p) => p.accountEnabled && teamsEngagement('posts-test', p) === 0);
    assert.ok(engaged.filter((p) => reactors.has(p.id)).length / engaged.length > 0.2);
    assert.equal(notOnTeams.filter((p) => reactors.has(p.id)).length, 0, 'nobody off Teams reacts in Teams');
  });

  it('answers 404 for an unknown team, channel or message, 400 for a bad page token and 403 without the permission', async () => {
    const p = sim.posts.channelPosts[0]!;
    assert.equal((await graph(`/teams/${p.teamId}/channels/${encodeURIComponent(p.channelId)}/messages/1`)).status, 404);
    assert.equal((await graph(`/teams/00000000-0000-4000-8000-000000000000/channels/${encodeURIComponent(p.channelId)}/messages/${p.messageId}`)).status, 404);
    assert.equal((await graph(`/teams/${p.teamId}/channels/19%3Aother%40thread.tacv2/messages/${p.messageId}/replies`)).status, 404);
    assert.equal((await graph(`${postPath(0)}/replies?$skiptoken=bogus`)).status, 400);
    const limited = await startSimulator({ staff: 60, seed: 'posts-test-limited', graphAppRoles: ['User.Read.All'] });
    try {
      const q = limited.posts.channelPosts[0]!;
      const answer = await fetch(`${limited.url}/v1.0/teams/${q.teamId}/channels/${encodeURIComponent(q.channelId)}/messages/${q.messageId}`, { headers: { authorization: `Bearer ${await appToken(limited)}` } });
      assert.equal(answer.status, 403);
    } finally {
      await limited.close();
    }
  });

  it('gives a copy-link address that names team, channel and message', () => {
    const p = sim.posts.channelPosts[1]!;
    const link = new URL(p.link);
    assert.equal(link.hostname, 'teams.microsoft.com');
    assert.equal(decodeURIComponent(link.pathname), `/l/message/${p.channelId}/${p.messageId}`);
    assert.equal(link.searchParams.get('groupId'), p.teamId);
    assert.equal(link.searchParams.get('tenantId'), sim.tenantId);
  });

  it('resolves a news page address through the shares API and gives its unique viewers', async () => {
    const page = sim.posts.newsPages[0]!;
    const share = `u!${Buffer.from(page.url.toUpperCase().replace('HTTPS://', 'https://')).toString('base64url')}`;
    const plain = (await (await graph(`/shares/${share}/listItem`)).json()) as Record<string, unknown>;
    assert.equal(plain.sharepointIds, undefined, 'sharepointIds only when selected');
    const item = (await (await graph(`/shares/${share}/listItem?$select=id,webUrl,sharepointIds,parentReference`)).json()) as {
      id: string;
      parentReference: { siteId: string };
      sharepointIds: { listId: string; listItemId: string };
    };
    assert.equal(item.id, page.itemId);
    const analytics = await graph(`/sites/${encodeURIComponent(item.parentReference.siteId)}/lists/${item.sharepointIds.listId}/items/${item.sharepointIds.listItemId}/analytics/allTime`);
    assert.equal(analytics.status, 200);
    const body = (await analytics.json()) as { access: { actionCount: number; actorCount: number } };
    assert.equal(body.access.actorCount, page.viewers.length);
    assert.ok(body.access.actionCount >= body.access.actorCount);
    assert.ok(page.viewers.length > 10);
  });

  it('answers 404 for an address that is no page, and 400 for a share id that is not encoded', async () => {
    const missing = `u!${Buffer.from(`https://${sim.posts.sharePointHost}/sites/intranett/SitePages/Finnes-ikke.aspx`).toString('base64url')}`;
    assert.equal((await graph(`/shares/${missing}/listItem`)).status, 404);
    assert.equal((await graph(`/shares/not-a-share/listItem`)).status, 400);
    const page = sim.posts.newsPages[0]!;
    assert.equal((await graph(`/sites/${encodeURIComponent(page.siteId)}/lists/${page.listId}/items/999/analytics/allTime`)).status, 404);
  });

  it('lets the bot start a thread in a team’s channel (Bot Connector), which Graph then serves with staff’s reactions and replies', async () => {
    const team = sim.posts.teams[0]!;
    const create = (channelId: string) =>
      fetch(`${sim.url}/v3/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ isGroup: true, channelData: { channel: { id: channelId }, tenant: { id: sim.tenantId } }, activity: { type: 'message', text: 'Ny rutine' } }),
      });
    const answer = await create(team.channelId);
    assert.equal(answer.status, 201);
    const { id, activityId } = (await answer.json()) as { id: string; activityId: string };
    assert.equal(id, `${team.channelId};messageid=${activityId}`);
    const message = await graph(`/teams/${team.teamId}/channels/${encodeURIComponent(team.channelId)}/messages/${activityId}`);
    assert.equal(message.status, 200);
    const reactions = ((await message.json()) as { reactions: Reaction[] }).reactions;
    const truth = [...sim.posts.truth(activityId).values()].reduce((sum, u) => sum + u.reactions, 0);
    assert.equal(reactions.length, truth);
    assert.ok(truth > 0);
    assert.equal((await create('19:not-a-team@thread.tacv2')).status, 403, 'a channel of a team the app is not in');
  });
});
