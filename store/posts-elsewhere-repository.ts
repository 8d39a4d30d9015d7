import type { Kysely, Selectable } from 'kysely';
import type { PostTarget } from '../core/post-link.js';
import type { PostElsewhere, PostsElsewhereStore, PostUnitCounts } from '../core/posts-elsewhere.js';
import type { PostsElsewhereTable, Schema } from './schema.js';

/** One post is one target: a channel message by its ids, a page by its address (case-insensitive, as SharePoint's are). */
const targetKey = (target: PostTarget) =>
  target.kind === 'channel_post' ? `channel:${target.teamId}:${target.channelId}:${target.messageId}` : `page:${target.url.toLowerCase()}`;

/** The tables behind core's PostsElsewhereStore. */
export function createPostsElsewhereRepository(db: Kysely<Schema>): PostsElsewhereStore {
  const posts = () => db.selectFrom('posts_elsewhere').selectAll();
  const update = (tenantId: string, postId: string) => db.updateTable('posts_elsewhere').where('tenant_id', '=', tenantId).where('post_id', '=', postId);

  return {
    async add(input) {
      const key = targetKey(input.target);
      await db
        .insertInto('posts_elsewhere')
        .values({
          tenant_id: input.tenantId,
          announcement_id: input.announcementId,
          kind: input.target.kind,
          link: input.link,
          target: JSON.stringify(input.target),
          target_key: key,
          added_by: input.addedBy,
          added_at: input.at,
        })
        .onConflict((oc) => oc.columns(['tenant_id', 'announcement_id', 'target_key']).doNothing())
        .execute();
      const row = await posts().where('tenant_id', '=', input.tenantId).where('announcement_id', '=', input.announcementId).where('target_key', '=', key).executeTakeFirstOrThrow();
      return toPost(row);
    },

    async list(tenantId, announcementId) {
      const rows = await posts().where('tenant_id', '=', tenantId).where('announcement_id', '=', announcementId).orderBy('added_at').orderBy('post_id').execute();
      return rows.map(toPost);
    },

    async all() {
      const rows = await posts().orderBy('tenant_id').orderBy('added_at').execute();
      return rows.map((row) => ({ tenantId: row.tenant_id, post: toPost(row) }));
    },

    async saveChannelCounts(tenantId, postId, counts, at) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('post_unit_figures').where('tenant_id', '=', tenantId).where('post_id', '=', postId).execute();
        if (counts.length > 0) {
          await trx
            .insertInto('post_unit_figures')
            .values(counts.map((c) => ({ tenant_id: tenantId, post_id: postId, unit_id: c.unitId, reactions: c.reactions, replies: c.replies, people: c.people })))
            .execute();
        }
        await trx.updateTable('posts_elsewhere').set({ refreshed_at: at, problem: null }).where('tenant_id', '=', tenantId).where('post_id', '=', postId).execute();
      });
    },

    async savePageViews(tenantId, postId, views, at) {
      await update(tenantId, postId).set({ viewers: views.viewers, views: views.views, refreshed_at: at, problem: null }).execute();
    },

    async saveProblem(tenantId, postId, code) {
      // The figures from the last good refresh stay: they were true then.
      await update(tenantId, postId).set({ problem: code }).execute();
    },

    async channelCounts(tenantId, postIds) {
      const found = new Map<string, PostUnitCounts[]>(postIds.map((id) => [id, []]));
      if (postIds.length === 0) return found;
      const rows = await db.selectFrom('post_unit_figures').selectAll().where('tenant_id', '=', tenantId).where('post_id', 'in', [...postIds]).execute();
      for (const row of rows) found.get(row.post_id)?.push({ unitId: row.unit_id, reactions: row.reactions, replies: row.replies, people: row.people });
      return found;
    },

    async unitsOf(tenantId, aadObjectIds) {
      const units = new Map<string, string | null>();
      const ids = [...new Set(aadObjectIds)];
      for (let i = 0; i < ids.length; i += 1000) {
        const rows = await db
          .selectFrom('people')
          .select(['aad_object_id', 'unit_id'])
          .where('tenant_id', '=', tenantId)
          .where('in_directory', '=', true)
          .where('aad_object_id', 'in', ids.slice(i, i + 1000))
          .execute();
        for (const row of rows) units.set(row.aad_object_id, row.unit_id);
      }
      return units;
    },

    async staffPerUnit(tenantId) {
      const rows = await db
        .selectFrom('people')
        .select(['unit_id', (eb) => eb.fn.countAll<string>().as('staff')])
        .where('tenant_id', '=', tenantId)
        .where('in_directory', '=', true)
        .where('account_enabled', '=', true)
        .groupBy('unit_id')
        .execute();
      return rows.map((row) => ({ unitId: row.unit_id, staff: Number(row.staff) }));
    },
  };
}

function toPost(row: Selectable<PostsElsewhereTable>): PostElsewhere {
  return {
    id: row.post_id,
    announcementId: row.announcement_id,
    link: row.link,
    target: row.target as PostTarget,
    addedAt: row.added_at,
    refreshedAt: row.refreshed_at,
    problem: row.problem,
    pageViews: row.viewers === null || row.views === null ? null : { viewers: row.viewers, views: row.views },
  };
}
