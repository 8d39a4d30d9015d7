import assert from 'node:assert/strict';
import { formatUnitPath, isWithinUnit, unitPathFromDepartment } from '../../core/units.js';
import { POSTS_ELSEWHERE_QUEUE } from '../../app/announcements/posts-elsewhere-jobs.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { announcementForLater } from '../support/stored-announcement.js';
import { assertProblem, surveyApi } from '../support/survey-api.js';

interface Figures {
  reactions: number;
  replies: number;
  people: number;
}
type ApiUnit = { unitId: string; parentId: string | null; path: string[] } & ({ figures: Figures } | { hidden: string });
interface Post {
  id: string;
  kind: 'channel_post' | 'sharepoint_page';
  link: string;
  refreshedAt: string | null;
  problem: string | null;
  channel: { whole: Figures | null; units: ApiUnit[] } | null;
  page: { viewers: number; views: number } | null;
}
interface Posts {
  minGroupSize: number;
  posts: Post[];
}

const sum = (list: Figures[]): Figures => list.reduce((s, f) => ({ reactions: s.reactions + f.reactions, replies: s.replies + f.replies, people: s.people + f.people }), { reactions: 0, replies: 0, people: 0 });

/**
 * Posts made elsewhere, as a communicator attaches them and as each role reads them: over real HTTP,
 * the real server and database, against the simulator's Graph; per-unit figures equal the simulator's
 * truth, and no unit under the group size is shown or recoverable.
 */
describe('API: posts elsewhere (channel posts and SharePoint pages) of an announcement', function () {
  this.timeout(120_000);
  let stack: TestStack;
  let api: Awaited<ReturnType<typeof surveyApi>>;
  let announcementId: string;
  const tenant = () => stack.sim.tenantId;
  const path = (suffix = '') => `/announcements/${announcementId}/posts${suffix}`;
  const channelPosts = () => `/announcements/${announcementId}/channel-posts`;

  before(async () => {
    stack = await startTestStack();
    api = await surveyApi(stack);
    // Scheduled a month ahead: posts elsewhere follow an announcement whatever became of its own sending.
    announcementId = await announcementForLater(stack, { title: 'Ny turnus', body: 'Les mer på intranettet.' });
  });
  after(() => stack?.close());

  /** The simulator's truth for a unit with its sub-units (people in no unit: the whole minus every unit). */
  const truthWithin = (messageId: string, unitPath: readonly string[]): Figures => {
    const truth = stack.sim.posts.truth(messageId);
    return sum([...truth].filter(([department]) => department !== null && isWithinUnit(unitPathFromDepartment(department), unitPath)).map(([, f]) => f));
  };
  /** Enabled staff per unit with sub-units, as the directory has them: the groups figures are about. */
  const staffWithin = (unitPath: readonly string[]) =>
    stack.sim.municipality.people.filter((p) => p.accountEnabled && p.department !== null && isWithinUnit(unitPathFromDepartment(p.department), unitPath)).length;

  it('attaches a channel post by its Teams link; reactions and replies per unit equal the simulator’s truth', async () => {
    const simPost = stack.sim.posts.channelPosts[0]!;
    const post = await api.json<Post>('communicator', 'POST', path(), { link: simPost.link });
    assert.equal(post.kind, 'channel_post');
    assert.ok(post.refreshedAt, 'read at once');
    assert.equal(post.problem, null);
    const total = sum([...stack.sim.posts.truth(simPost.messageId).values()]);
    assert.deepEqual(post.channel!.whole, total);
    assert.ok(total.reactions > 10 && total.replies > 0, 'enough to measure');
    const shown = post.channel!.units.filter((u): u is ApiUnit & { figures: Figures } => 'figures' in u && u.unitId !== 'no-unit');
    assert.ok(shown.length > 5, 'units shown');
    for (const unit of shown) assert.deepEqual(unit.figures, truthWithin(simPost.messageId, unit.path), formatUnitPath(unit.path));
  });

  it('attaches a SharePoint news page by its address: unique viewers as Graph counts them', async () => {
    const page = stack.sim.posts.newsPages[0]!;
    const post = await api.json<Post>('communicator', 'POST', path(), { link: `${page.url}?web=1` });
    assert.equal(post.kind, 'sharepoint_page');
    assert.deepEqual(post.page, { viewers: page.viewers.length, views: page.views });
    assert.equal(post.channel, null);
  });

  it('keeps a post linked twice once, and lists both posts for every reader', async () => {
    const again = await api.json<Post>('admin', 'POST', path(), { link: stack.sim.posts.channelPosts[0]!.link });
    const list = await api.get<Posts>('communicator', path());
    assert.deepEqual(list.posts.map((p) => p.kind), ['channel_post', 'sharepoint_page']);
    assert.equal(list.posts[0]!.id, again.id);
    assert.equal(list.minGroupSize, stack.config.privacy.minGroupSize);
  });

  it('refuses links that are neither, posts Graph does not find, and callers who may not', async () => {
    const host = stack.sim.posts.sharePointHost;
    const placed = async (response: Response, status: number, code: string, detail: RegExp) => {
      const body = (await assertProblem(response, status, code, detail)) as { errors?: Array<{ path: string }> };
      if (status === 400) assert.equal(body.errors?.[0]?.path, 'link', 'placed by field');
    };
    await placed(await api.call('communicator', 'POST', path(), { link: 'teams kanal innlegg' }), 400, 'post_link_invalid', /not a web address/);
    await placed(await api.call('communicator', 'POST', path(), { link: 'https://example.com/nyheter/1' }), 400, 'post_link_unsupported', /neither a Teams channel message nor a SharePoint page/);
    await placed(await api.call('communicator', 'POST', path(), { link: `https://teams.microsoft.com/l/message/19%3Aabc%40thread.tacv2/1?tenantId=${tenant()}` }), 400, 'teams_link_incomplete', /Copy link/);
    await placed(await api.call('communicator', 'POST', path(), { link: `https://${host}/sites/intranett/Shared%20Documents/a.docx` }), 400, 'sharepoint_link_not_page', /not to a page/);
    await placed(await api.call('communicator', 'POST', path(), { link: '' }), 400, 'invalid_body', /link/);
    await assertProblem(await api.call('communicator', 'POST', path(), { link: 'https://example.com', extra: 1 }), 400, 'invalid_body', /extra/);
    const known = stack.sim.posts.channelPosts[0]!;
    const missing = known.link.replace(`/${known.messageId}?`, '/1?').replace(/parentMessageId=\d+/, 'parentMessageId=1');
    await assertProblem(await api.call('communicator', 'POST', path(), { link: missing }), 422, 'post_not_found', /does not find the channel post/);
    await assertProblem(await api.call('communicator', 'POST', path(), { link: `https://${host}/sites/intranett/SitePages/Finnes-ikke.aspx` }), 422, 'post_not_found', /does not find the SharePoint page/);
    await assertProblem(await api.call('communicator', 'POST', `/announcements/00000000-0000-4000-8000-000000000000/posts`, { link: known.link }), 404, 'announcement_not_found', /No such announcement/);
    await assertProblem(await api.call('unitLead', 'POST', path(), { link: known.link }), 403, 'forbidden', /communicators/);
    await assertProblem(await api.call('staff', 'GET', path()), 403, 'forbidden', /unit leads/);
    await assertProblem(await api.call('communicator', 'POST', path(), 'link=x', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type', /application\/json/);
    assert.equal((await api.get<Posts>('communicator', path())).posts.length, 2, 'nothing refused was kept');
  });

  it('shows no unit under the group size, neither directly nor by subtracting shown units from their parent', async () => {
    const { posts, minGroupSize } = await api.get<Posts>('communicator', path());
    const channel = posts[0]!.channel!;
    const hidden = channel.units.filter((u) => 'hidden' in u);
    assert.ok(hidden.some((u) => 'hidden' in u && u.hidden === 'small'), 'the municipality has units too small to show');
    for (const unit of hidden) assert.deepEqual(Object.keys(unit).sort(), ['hidden', 'name', 'parentId', 'path', 'unitId'], `${formatUnitPath(unit.path)} carries no figure`);
    // The attacker: for each shown parent, what is left after its shown children must be no group or a large one.
    const shown = channel.units.filter((u): u is ApiUnit & { figures: Figures } => 'figures' in u && u.unitId !== 'no-unit');
    for (const parent of [null, ...shown]) {
      const parentStaff = parent ? staffWithin(parent.path) : stack.sim.municipality.people.filter((p) => p.accountEnabled).length;
      const children = shown.filter((u) => u.parentId === (parent?.unitId ?? null));
      const noUnit = parent === null ? channel.units.find((u) => u.unitId === 'no-unit' && 'figures' in u) : undefined;
      const remainder = parentStaff - children.reduce((s, u) => s + staffWithin(u.path), 0) - (noUnit ? stack.sim.municipality.people.filter((p) => p.accountEnabled && p.department === null).length : 0);
      assert.ok(remainder === 0 || remainder >= minGroupSize, `${parent ? formatUnitPath(parent.path) : '(all)'} minus its shown units leaves ${remainder} people`);
    }
    // Asking for a unit by name is not a way round it: the route takes no query.
    const small = hidden[0]!;
    await assertProblem(await api.call('communicator', 'GET', `${path()}?unitId=${small.unitId}`), 400, 'invalid_query', /unitId/);
  });

  it('gives a unit lead their own unit with its sub-units, and as the whole their unit’s figures', async () => {
    const lead = (await stack.directory.unitOf(tenant(), stack.sim.municipality.demoPersons.unitLead.id))!;
    const { posts } = await api.get<Posts>('unitLead', path());
    const channel = posts[0]!.channel!;
    assert.ok(channel.units.length > 0);
    for (const unit of channel.units) assert.ok(isWithinUnit(unit.path, lead.path), `${formatUnitPath(unit.path)} is within the lead’s unit`);
    const own = channel.units.find((u) => u.unitId === lead.id)!;
    assert.deepEqual(channel.whole, 'figures' in own ? own.figures : null);
    assert.deepEqual(posts[1]!.page, { viewers: stack.sim.posts.newsPages[0]!.viewers.length, views: stack.sim.posts.newsPages[0]!.views });
  });

  it('refreshes every post in the job, and keeps the last figures with the reason when Graph fails', async () => {
    const before = (await api.get<Posts>('communicator', path())).posts;
    const result = await stack.app.postsElsewhere.refreshAll(new Date(Date.now() + 60_000));
    assert.deepEqual(result, { refreshed: 2, failed: 0 });
    const after = (await api.get<Posts>('communicator', path())).posts;
    assert.ok(after.every((p, i) => p.refreshedAt! > before[i]!.refreshedAt!), 'refreshed');
    assert.deepEqual(after.map((p) => p.channel ?? p.page), before.map((p) => p.channel ?? p.page), 'the same figures');

    // A post deleted since, or a permission withdrawn: the figures stay, with why they are not fresh.
    await stack.database.db.updateTable('posts_elsewhere').set({ target: JSON.stringify({ kind: 'sharepoint_page', url: `https://${stack.sim.posts.sharePointHost}/sites/intranett/SitePages/Slettet.aspx` }) }).where('post_id', '=', after[1]!.id).execute();
    assert.deepEqual(await stack.app.postsElsewhere.refreshAll(), { refreshed: 1, failed: 1 });
    const failed = (await api.get<Posts>('communicator', path())).posts[1]!;
    assert.equal(failed.problem, 'post_not_found');
    assert.deepEqual(failed.page, after[1]!.page);
  });

  it('has the bot post the card in a team’s channel and follows that post like a linked one', async () => {
    const team = stack.sim.posts.teams[1]!;
    const post = await api.json<Post>('communicator', 'POST', channelPosts(), { teamId: team.teamId, channelId: team.channelId });
    assert.equal(post.kind, 'channel_post');
    const sent = stack.sim.connector.activities.find((a) => a.conversationId.startsWith(`${team.channelId};messageid=`));
    assert.ok(sent, 'the bot started a thread in the channel');
    const messageId = sent.activity.id!;
    assert.match(post.link, new RegExp(`/l/message/${encodeURIComponent(team.channelId)}/${messageId}\\?`));
    const card = (sent.activity.attachments as Array<{ content: { body: unknown[] } }>)[0]!.content;
    assert.ok(JSON.stringify(card).includes('Ny turnus'), 'the announcement’s card');
    assert.ok(!JSON.stringify(card).includes('Action.Execute'), 'no acknowledgement button in a channel');
    assert.deepEqual(post.channel!.whole, sum([...stack.sim.posts.truth(messageId).values()]), 'its reactions and replies as Graph gives them');

    const byLink = await api.json<Post>('communicator', 'POST', channelPosts(), { link: stack.sim.posts.teams[0]!.channelLink });
    assert.notEqual(byLink.id, post.id, 'a second post, in the other team, by the channel’s link');
    const refused = (await assertProblem(await api.call('communicator', 'POST', channelPosts(), { link: 'https://example.com/kanal' }), 400, 'channel_link_invalid', /Get link to channel/)) as { errors?: Array<{ path: string }> };
    assert.equal(refused.errors?.[0]?.path, 'link');
    await assertProblem(await api.call('communicator', 'POST', channelPosts(), { teamId: team.teamId, channelId: '19:unknown@thread.tacv2' }), 422, 'bot_not_in_team', /not installed in that team/);
    await assertProblem(await api.call('communicator', 'POST', channelPosts(), { teamId: 'alle', channelId: team.channelId }), 400, 'invalid_body', /teamId/);
    await assertProblem(await api.call('communicator', 'POST', channelPosts(), { teamId: team.teamId, channelId: 'Generelt' }), 400, 'invalid_body', /channelId/);
    await assertProblem(await api.call('unitLead', 'POST', channelPosts(), { teamId: team.teamId, channelId: team.channelId }), 403, 'forbidden', /communicators/);
  });

  it('is refreshed by the pg-boss job when it runs', async () => {
    const first = async () => (await api.get<Posts>('communicator', path())).posts[0]!.refreshedAt!;
    const was = await first();
    await stack.database.jobs.send(POSTS_ELSEWHERE_QUEUE, null);
    for (const deadline = Date.now() + 30_000; (await first()) === was; await new Promise((resolve) => setTimeout(resolve, 250))) {
      assert.ok(Date.now() < deadline, 'the job refreshed the post within 30 s');
    }
  });
});
