import { z } from 'zod';
import { documented } from './documented.js';
import type { GraphClient } from './graph-client.js';

/** Who is behind a reaction or a message: a person (`user`), or an app or device, which are not staff. */
const identitySet = z
  .object({ user: z.object({ id: z.string().min(1) }).nullable().optional() })
  .nullable()
  .optional();

/** A root post as far as its reach needs: its reactions, each by whom. */
const rootPost = z.object({
  id: z.string().min(1),
  reactions: z.array(z.object({ reactionType: z.string(), user: identitySet })).default([]),
});
const reply = z.object({ id: z.string().min(1), from: identitySet });

/** The people who reacted to a channel post (one entry per reaction) and who replied (one per reply); apps and bots left out. */
export interface ChannelPostActivity {
  reactions: string[];
  replies: string[];
}

/** The Graph path of a post in a team's channel. */
export const channelPostPath = (post: { teamId: string; channelId: string; messageId: string }) =>
  `/teams/${encodeURIComponent(post.teamId)}/channels/${encodeURIComponent(post.channelId)}/messages/${encodeURIComponent(post.messageId)}`;

/**
 * Reactions and replies of a channel post (`GET …/messages/{id}` and `…/replies`, every page),
 * permission ChannelMessage.Read.All. Graph names people only by id here; they are mapped to units by
 * the caller and then forgotten. A post Graph does not find is a GraphError 404.
 */
export async function channelPostActivity(graph: GraphClient, post: { teamId: string; channelId: string; messageId: string }): Promise<ChannelPostActivity> {
  const path = channelPostPath(post);
  const root = documented(rootPost, await graph.get(path), 'channel message');
  const reactions = root.reactions.flatMap((r) => (r.user?.user ? [r.user.user.id] : []));
  const replies: string[] = [];
  for await (const page of graph.pages(`${path}/replies?$top=50`, reply)) {
    for (const r of page) if (r.from?.user) replies.push(r.from.user.id);
  }
  return { reactions, replies };
}
