import type { SimPerson } from './municipality.js';
import { hashString, seededGuid } from './random.js';
import { teamsEngagement } from './survey-respondents.js';
import { mix } from './usage-model.js';

/** A person's reaction to a channel post, as Graph lists it on the chatMessage. */
export interface SimReaction {
  reactionType: string;
  createdDateTime: string;
  person: SimPerson;
}

/** A reply to a channel post. */
export interface SimReply {
  id: string;
  createdDateTime: string;
  person: SimPerson;
  text: string;
}

/** A root post in a team's channel, with what staff did with it. */
export interface SimChannelPost {
  teamId: string;
  teamName: string;
  channelId: string;
  channelName: string;
  messageId: string;
  subject: string;
  createdDateTime: string;
  reactions: SimReaction[];
  replies: SimReply[];
  /** The post's "Copy link" address, as Teams gives it. */
  link: string;
}

/** A SharePoint news page (a list item in a site's Site Pages library). */
export interface SimNewsPage {
  siteId: string;
  listId: string;
  itemId: string;
  title: string;
  /** The page's address, as a browser shows it. */
  url: string;
  /** Staff who opened it (each once). */
  viewers: SimPerson[];
  /** Views in all (a viewer may come back). */
  views: number;
}

/** Per unit (SimPerson.department; null for people without one): what staff did with a channel post. */
export interface PostUnitTruth {
  reactions: number;
  replies: number;
  /** People who reacted or replied, each once. */
  people: number;
}

interface SimTeam {
  id: string;
  name: string;
  channel: { id: string; name: string };
  members: readonly SimPerson[];
}

const U32 = 4294967296;
const REACTIONS = ['like', 'heart', 'laugh', 'surprised'] as const;
/** When the seeded posts were made: fixed, so figures do not move with the clock. */
const POSTED_AT = Date.UTC(2026, 10, 2, 8, 0, 0);

/**
 * Posts made outside Digipuls: channel posts in two teams and news pages on the intranet site. Each
 * member reacts with probability 0.55 × their Teams engagement and replies with 0.12 × it; each person
 * opens a news page with 0.1 + 0.6 × it (sim/survey-respondents.ts, the same usage model as the adoption
 * reports), all by seeded draws on (seed, person, post), so units that adopted Teams answer more.
 */
export class PostsElsewhere {
  readonly channelPosts: SimChannelPost[] = [];
  readonly newsPages: SimNewsPage[] = [];
  readonly sharePointHost: string;
  /** The teams with the channel each has, where Digipuls is installed (so its bot may post there). */
  readonly teams: ReadonlyArray<{ teamId: string; teamName: string; channelId: string; channelName: string; /** "Get link to channel" */ channelLink: string }>;
  private readonly teamOfChannel = new Map<string, SimTeam>();

  constructor(
    private readonly seed: string,
    private readonly tenantId: string,
    people: readonly SimPerson[],
    domain: string,
  ) {
    this.sharePointHost = `${domain.split('.')[0]}.sharepoint.com`;
    const everyone = people.filter((p) => p.accountEnabled);
    const care = everyone.filter((p) => p.department?.startsWith('Helse og omsorg') ?? false);
    const allStaff: SimTeam = { id: seededGuid(seed, 'team-all'), name: 'Alle ansatte', channel: { id: threadId(seed, 'all-general'), name: 'Generelt' }, members: everyone };
    const careTeam: SimTeam = { id: seededGuid(seed, 'team-care'), name: 'Helse og omsorg', channel: { id: threadId(seed, 'care-news'), name: 'Nytt fra sektoren' }, members: care.length ? care : everyone };
    const posts = [
      { team: allStaff, subject: 'Ny intranettside for turnus' },
      { team: allStaff, subject: 'Digi-ronden starter i januar' },
      { team: careTeam, subject: 'Nye rutiner for medisinrom' },
    ];
    posts.forEach(({ team, subject }, index) => this.channelPosts.push(this.channelPost(team, subject, `post:${index}`, POSTED_AT + index * 86_400_000)));
    for (const team of [allStaff, careTeam]) this.teamOfChannel.set(team.channel.id, team);
    this.teams = [allStaff, careTeam].map((t) => ({
      teamId: t.id,
      teamName: t.name,
      channelId: t.channel.id,
      channelName: t.channel.name,
      channelLink: `https://teams.microsoft.com/l/channel/${encodeURIComponent(t.channel.id)}/${encodeURIComponent(t.channel.name)}?groupId=${t.id}&tenantId=${tenantId}`,
    }));

    const site = { id: `${this.sharePointHost},${seededGuid(seed, 'site-intranet')},${seededGuid(seed, 'web-intranet')}`, list: seededGuid(seed, 'list-sitepages') };
    for (const [index, { title, slug }] of [
      { title: 'Slik kommer du i gang med Teams', slug: 'Slik-kommer-du-i-gang-med-Teams.aspx' },
      { title: 'Ny personalhåndbok', slug: 'Ny-personalhandbok.aspx' },
    ].entries()) {
      const viewers = everyone.filter((p) => this.draw(`page:${index}`, p, 1) < 0.1 + 0.6 * teamsEngagement(seed, p));
      const views = viewers.reduce((sum, p) => sum + 1 + Math.floor(this.draw(`page:${index}`, p, 2) * 3), 0);
      this.newsPages.push({ siteId: site.id, listId: site.list, itemId: String(index + 3), title, url: `https://${this.sharePointHost}/sites/intranett/SitePages/${slug}`, viewers, views });
    }
  }

  /** Per unit: reactions, replies and people who did either, on a channel post. */
  truth(messageId: string): Map<string | null, PostUnitTruth> {
    const post = this.channelPosts.find((p) => p.messageId === messageId);
    const units = new Map<string | null, PostUnitTruth>();
    if (!post) return units;
    const at = (person: SimPerson) => {
      let unit = units.get(person.department);
      if (!unit) units.set(person.department, (unit = { reactions: 0, replies: 0, people: 0 }));
      return unit;
    };
    for (const r of post.reactions) at(r.person).reactions++;
    for (const r of post.replies) at(r.person).replies++;
    for (const person of new Set([...post.reactions, ...post.replies].map((x) => x.person))) at(person).people++;
    return units;
  }

  /**
   * A post the bot makes in a channel (Bot Connector, create conversation): members react and reply to
   * it as to the others. Undefined for a channel of no team the app is in.
   */
  postByBot(channelId: string, subject: string): SimChannelPost | undefined {
    const team = this.teamOfChannel.get(channelId);
    if (!team) return undefined;
    let created = Date.now();
    while (this.channelPosts.some((p) => p.messageId === String(created))) created++;
    const post = this.channelPost(team, subject, `bot-post:${created}`, created);
    this.channelPosts.push(post);
    return post;
  }

  post(teamId: string, channelId: string, messageId: string): SimChannelPost | undefined {
    return this.channelPosts.find((p) => p.teamId.toLowerCase() === teamId.toLowerCase() && p.channelId === channelId && p.messageId === messageId);
  }

  /** The page an address names: the same path, whatever the case, query or fragment. */
  pageAt(url: string): SimNewsPage | undefined {
    let wanted: URL;
    try {
      wanted = new URL(url);
    } catch {
      return undefined;
    }
    const key = (u: URL) => `${u.hostname}${decodeURIComponent(u.pathname)}`.toLowerCase();
    return this.newsPages.find((p) => key(new URL(p.url)) === key(wanted));
  }

  private channelPost(team: SimTeam, subject: string, salt: string, created: number): SimChannelPost {
    const { channel, members } = team;
    const messageId = String(created);
    const reactions: SimReaction[] = [];
    const replies: SimReply[] = [];
    for (const person of members) {
      const engagement = teamsEngagement(this.seed, person);
      if (this.draw(salt, person, 1) < 0.55 * engagement) {
        reactions.push({ reactionType: REACTIONS[Math.floor(this.draw(salt, person, 2) * REACTIONS.length)]!, createdDateTime: new Date(created + 60_000 + Math.floor(this.draw(salt, person, 3) * 86_400_000)).toISOString(), person });
      }
      if (this.draw(salt, person, 4) < 0.12 * engagement) {
        const at = created + 60_000 + Math.floor(this.draw(salt, person, 5) * 172_800_000);
        replies.push({ id: '', createdDateTime: new Date(at).toISOString(), person, text: 'Takk for informasjonen!' });
      }
    }
    // Replies in the order they were written; ids are their times, as Teams' are.
    replies.sort((a, b) => a.createdDateTime.localeCompare(b.createdDateTime) || a.person.id.localeCompare(b.person.id));
    replies.forEach((r, i) => (r.id = String(Date.parse(r.createdDateTime) + i)));
    const link =
      `https://teams.microsoft.com/l/message/${encodeURIComponent(channel.id)}/${messageId}` +
      `?tenantId=${this.tenantId}&groupId=${team.id}&parentMessageId=${messageId}&teamName=${encodeURIComponent(team.name)}&channelName=${encodeURIComponent(channel.name)}&createdTime=${created}`;
    return { teamId: team.id, teamName: team.name, channelId: channel.id, channelName: channel.name, messageId, subject, createdDateTime: new Date(created).toISOString(), reactions, replies, link };
  }

  private draw(salt: string, person: SimPerson, n: number): number {
    return mix(hashString(`${this.seed}:${salt}:${person.id}`), n) / U32;
  }
}

/** A channel id as Teams makes them: `19:{32 hex}@thread.tacv2`. */
const threadId = (seed: string, label: string) => `19:${seededGuid(seed, label).replace(/-/g, '')}@thread.tacv2`;
