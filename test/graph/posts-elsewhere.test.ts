import assert from 'node:assert/strict';
import { loadConfig } from '../../app/config.js';
import { connectGraph } from '../../app/graph-connection.js';
import { parsePostLink } from '../../core/post-link.js';
import { channelPostActivity } from '../../graph/channel-posts.js';
import { GraphError, type GraphClient } from '../../graph/graph-client.js';
import { resolveSharePointPage, sharePointPageViews } from '../../graph/sharepoint-pages.js';
import { simulatorEnv, startSimulator, type Simulator } from '../../sim/index.js';

describe('posts made elsewhere, through Microsoft Graph', function () {
  this.timeout(60_000);
  let sim: Simulator;
  let connection: ReturnType<typeof connectGraph>;
  let graph: GraphClient;
  before(async () => {
    sim = await startSimulator({ staff: 1000, seed: 'graph-posts' });
    connection = connectGraph(loadConfig(simulatorEnv(sim)));
    graph = connection.graph;
  });
  after(async () => {
    await connection?.close();
    await sim?.close();
  });
  const channelPost = (i: number) => {
    const target = parsePostLink(sim.posts.channelPosts[i]!.link);
    assert.equal(target.kind, 'channel_post');
    return target as Extract<typeof target, { kind: 'channel_post' }>;
  };

  it('reads every reaction and every reply (over pages) of a post found by its link', async () => {
    const post = sim.posts.channelPosts[0]!;
    const activity = await channelPostActivity(graph, channelPost(0));
    assert.deepEqual(activity.reactions.sort(), post.reactions.map((r) => r.person.id).sort());
    assert.deepEqual(activity.replies.sort(), post.replies.map((r) => r.person.id).sort());
    assert.ok(activity.replies.length > 50, 'more replies than one page holds');
  });

  it('says 404 for a post Graph does not find', async () => {
    await assert.rejects(channelPostActivity(graph, { ...channelPost(0), messageId: '1' }), (e: unknown) => e instanceof GraphError && e.status === 404);
  });

  it('refuses a message that is not as Graph documents it, naming what is wrong', async () => {
    const odd: GraphClient = { ...graph, get: async (path) => ({ ...((await graph.get(path)) as object), reactions: [{ reactionType: 'like', user: { user: { id: 42 } } }] }) };
    await assert.rejects(channelPostActivity(odd, channelPost(0)), (e: unknown) => e instanceof GraphError && e.code === 'unexpected_response' && /reactions\.0\.user\.user\.id/.test(e.message));
  });

  it('resolves a news page by its address and reads its unique viewers', async () => {
    const page = sim.posts.newsPages[1]!;
    const target = parsePostLink(`${page.url}?web=1`);
    assert.equal(target.kind, 'sharepoint_page');
    const item = await resolveSharePointPage(graph, (target as { url: string }).url);
    assert.deepEqual(await sharePointPageViews(graph, item), { viewers: page.viewers.length, views: page.views });
  });

  it('says 404 for an address that is no page, and refuses analytics without actorCount', async () => {
    await assert.rejects(resolveSharePointPage(graph, `https://${sim.posts.sharePointHost}/sites/intranett/SitePages/Finnes-ikke.aspx`), (e: unknown) => e instanceof GraphError && e.status === 404);
    const item = await resolveSharePointPage(graph, sim.posts.newsPages[0]!.url);
    const odd: GraphClient = { ...graph, get: async () => ({ access: { actionCount: 3 } }) };
    await assert.rejects(sharePointPageViews(odd, item), (e: unknown) => e instanceof GraphError && e.code === 'unexpected_response' && /actorCount/.test(e.message));
  });
});
