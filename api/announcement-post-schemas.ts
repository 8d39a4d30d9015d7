import { z } from 'zod';
import { isChannelId } from '../core/post-link.js';
import { count, hidden, unitRef } from './announcement-schemas.js';

/** POST /announcements/:id/posts: the link as copied from Teams ("Copy link") or a SharePoint page's address. */
export const attachPostSchema = z.strictObject({
  link: z.string({ error: 'link is the address of a Teams channel post or a SharePoint page' }).trim().min(1, 'paste the link of a Teams channel post or a SharePoint page').max(4000, 'at most 4000 characters'),
});

/** POST /announcements/:id/channel-posts: the channel the bot posts the card in, by its link or by team and channel id. */
export const channelPostSchema = z.union(
  [
    z.strictObject({ link: z.string().trim().min(1, 'paste the link of the Teams channel').max(4000, 'at most 4000 characters') }),
    z.strictObject({
      teamId: z.uuid({ error: 'teamId is the team’s id (a GUID, the groupId in a Teams link)' }),
      channelId: z.string({ error: 'channelId is the channel’s id, like 19:…@thread.tacv2' }).trim().refine(isChannelId, 'channelId is the channel’s id, like 19:…@thread.tacv2'),
    }),
  ],
  { error: 'send the channel’s link, or teamId with channelId' },
);

const figures = z.object({ reactions: count, replies: count, people: count.describe('Who reacted or replied, each once') });

export const postElsewhereSchema = z.object({
  id: z.string(),
  kind: z.enum(['channel_post', 'sharepoint_page']),
  link: z.string(),
  addedAt: z.string(),
  refreshedAt: z.string().nullable(),
  problem: z.string().nullable().describe('Why the last refresh failed (a stable code); the figures are from the refresh before'),
  channel: z
    .object({
      whole: figures.nullable().describe('Everyone (a unit lead: their units); null under minGroupSize'),
      units: z.array(z.union([z.object({ ...unitRef, figures }), z.object({ ...unitRef, hidden })])).describe('Shown units by path; hidden units last'),
    })
    .nullable()
    .describe('A channel post: reactions and replies per unit, suppressed by the units’ staff'),
  page: z.object({ viewers: count.describe('Unique viewers'), views: count }).nullable().describe('A SharePoint page: totals only (SharePoint gives nothing per unit)'),
});

export const postsElsewhereSchema = z.object({ minGroupSize: z.number().int(), posts: z.array(postElsewhereSchema) });
