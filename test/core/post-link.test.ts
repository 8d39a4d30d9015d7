import assert from 'node:assert/strict';
import { DigipulsError } from '../../core/errors.js';
import { channelPostLink, parseChannelLink, parsePostLink } from '../../core/post-link.js';

const TEAM = '7f3c1e0a-52b4-4c8e-9d11-0a6b2c3d4e5f';
const CHANNEL = '19:a1b2c3d4e5f60718293a4b5c6d7e8f90@thread.tacv2';
const teamsLink = (query: string, message = '1762070400000', host = 'teams.microsoft.com') =>
  `https://${host}/l/message/${encodeURIComponent(CHANNEL)}/${message}?${query}`;

const refusedWith = (code: string) => (error: unknown) => error instanceof DigipulsError && error.status === 400 && error.code === code;

describe('links to posts made elsewhere', () => {
  it('reads a Teams "Copy link" address into team, channel and message', () => {
    assert.deepEqual(parsePostLink(teamsLink(`tenantId=x&groupId=${TEAM.toUpperCase()}&parentMessageId=1762070400000&teamName=Alle&channelName=Generelt&createdTime=1762070400000`)), {
      kind: 'channel_post',
      teamId: TEAM,
      channelId: CHANNEL,
      messageId: '1762070400000',
    });
    assert.equal((parsePostLink(teamsLink(`groupId=${TEAM}`, '1', 'teams.cloud.microsoft')) as { messageId: string }).messageId, '1', 'the new domain, without parentMessageId');
  });

  it('follows a link to a reply to the post it replies to', () => {
    const target = parsePostLink(teamsLink(`groupId=${TEAM}&parentMessageId=1762070400000`, '1762070999999'));
    assert.equal((target as { messageId: string }).messageId, '1762070400000');
  });

  it('reads a SharePoint page, without its query or fragment', () => {
    assert.deepEqual(parsePostLink(' https://Fjordvik.sharepoint.com/sites/intranett/SitePages/Ny-turnus.aspx?web=1#top '), {
      kind: 'sharepoint_page',
      url: 'https://fjordvik.sharepoint.com/sites/intranett/SitePages/Ny-turnus.aspx',
    });
  });

  it('reads back the link it makes for a post the bot made', () => {
    const post = { teamId: TEAM, channelId: CHANNEL, messageId: '1762070400123' };
    assert.deepEqual(parsePostLink(channelPostLink(post, 'tenant')), { kind: 'channel_post', ...post });
  });

  it('reads a channel’s link (or a post’s) into the team and channel the bot posts in', () => {
    const channel = { teamId: TEAM, channelId: CHANNEL };
    assert.deepEqual(parseChannelLink(`https://teams.microsoft.com/l/channel/${encodeURIComponent(CHANNEL)}/Generelt?groupId=${TEAM}&tenantId=x`), channel);
    assert.deepEqual(parseChannelLink(teamsLink(`groupId=${TEAM}`)), channel);
    for (const wrong of ['kanalen', 'https://example.com/l/channel/x', `https://teams.microsoft.com/l/channel/${encodeURIComponent(CHANNEL)}/Generelt`, `https://teams.microsoft.com/l/team/${encodeURIComponent(CHANNEL)}/conversations?groupId=${TEAM}`]) {
      assert.throws(() => parseChannelLink(wrong), refusedWith('channel_link_invalid'), wrong);
    }
  });

  it('refuses what is neither, saying why', () => {
    assert.throws(() => parsePostLink('not a link'), refusedWith('post_link_invalid'));
    assert.throws(() => parsePostLink('http://fjordvik.sharepoint.com/sites/a/SitePages/b.aspx'), refusedWith('post_link_invalid'));
    assert.throws(() => parsePostLink('https://example.com/news/1'), refusedWith('post_link_unsupported'));
    assert.throws(() => parsePostLink('https://fjordvik.sharepoint.com.evil.example/sites/a/SitePages/b.aspx'), refusedWith('post_link_unsupported'));
    assert.throws(() => parsePostLink('https://fjordvik.sharepoint.com/sites/a/Shared%20Documents/b.docx'), refusedWith('sharepoint_link_not_page'));
    assert.throws(() => parsePostLink(teamsLink('tenantId=x')), refusedWith('teams_link_incomplete'), 'no team');
    assert.throws(() => parsePostLink(`https://teams.microsoft.com/l/chat/19:abc@thread.v2/conversations?groupId=${TEAM}`), refusedWith('teams_link_incomplete'), 'a chat, not a channel message');
    assert.throws(() => parsePostLink(`https://teams.microsoft.com/l/message/19%3Aabc%40unq.gbl.spaces/1?groupId=${TEAM}`), refusedWith('teams_link_incomplete'), 'a 1:1 chat message');
    assert.throws(() => parsePostLink(`https://teams.microsoft.com/l/message/%E0%A4%A/1?groupId=${TEAM}`), refusedWith('teams_link_incomplete'), 'broken percent-encoding');
  });
});
