import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expectNoViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { announcementForLater } from '../support/stored-announcement.js';
import { getAs, signInToTab } from '../support/tab-session.js';

interface Figures {
  reactions: number;
  replies: number;
  people: number;
}
interface ApiPosts {
  posts: Array<{ kind: string; channel: { whole: Figures | null; units: Array<{ unitId: string; name: string; figures?: Figures; hidden?: string }> } | null; page: { viewers: number; views: number } | null }>;
}

const PHONE: BrowserContextOptions = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };
/** Whitespace as one plain space: Norwegian numbers use no-break spaces ("1 234"). */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('posts elsewhere in the tab: a communicator follows a channel post and a SharePoint page from the reach page', function () {
  this.timeout(180_000);
  let stack: TestStack;
  let browser: Browser;
  let announcementId: string;

  before(async () => {
    [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
    await mkdir('test-results', { recursive: true });
    announcementId = await announcementForLater(stack, { title: 'Ny personalhåndbok', body: 'Les den på intranettet.' });
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  const demo = () => stack.sim.municipality.demoPersons;
  const api = <T>(path: string, personId: string) => getAs<T>(stack, path, personId);

  /** Signs in on the simulator's sign-in page as a demo person and opens the announcement. */
  async function signIn(displayName: string, options: BrowserContextOptions = {}) {
    return signInToTab(browser, stack.url, displayName, options);
  }
  async function openAnnouncement(page: Page, theme?: string) {
    await page.goto(`${stack.url}/tab/${theme ? `?theme=${theme}` : ''}#/reach/${announcementId}`);
    await page.getByRole('heading', { level: 2, name: 'Innlegg andre steder' }).waitFor();
  }

  it('explains a link that is neither beside the field, in Norwegian, then follows a channel post and a news page', async () => {
    const { context, page } = await signIn(demo().communicator.displayName);
    try {
      await openAnnouncement(page);
      await page.getByText('Ingen innlegg andre steder ennå.').waitFor();
      const field = page.getByRole('textbox', { name: /Lenke til et kanalinnlegg i Teams/ });
      await field.fill('https://example.com/nyheter/1');
      await page.getByRole('button', { name: 'Følg innlegget' }).click();
      await page.getByText('Lenken er verken til et kanalinnlegg i Teams eller til en SharePoint-side.').waitFor();
      assert.equal(await field.getAttribute('aria-invalid'), 'true', 'the field is marked invalid');
      await expectNoViolations(page, 'posts elsewhere with a refused link');
      await page.screenshot({ path: 'test-results/posts-elsewhere-refused.png', fullPage: true });

      await field.fill(stack.sim.posts.channelPosts[0]!.link);
      await page.getByRole('button', { name: 'Følg innlegget' }).click();
      await page.getByTestId('post-unit-table').first().waitFor();
      assert.equal(await field.inputValue(), '', 'the field is emptied for the next link');
      await field.fill(stack.sim.posts.newsPages[0]!.url);
      await page.getByRole('button', { name: 'Følg innlegget' }).click();
      await page.locator('[data-testid="post-elsewhere"][data-kind="sharepoint_page"]').waitFor();

      // The screen against the API: the whole, each shown unit, and the page's viewers.
      const { posts } = await api<ApiPosts>(`/api/v1/announcements/${announcementId}/posts`, demo().communicator.id);
      const channel = page.locator('[data-testid="post-elsewhere"][data-kind="channel_post"]');
      const whole = posts[0]!.channel!.whole!;
      assert.match(plain(await channel.locator('dl').textContent()), new RegExp(`Reaksjoner ?${whole.reactions}.*Svar ?${whole.replies}.*Personer ?${whole.people}`));
      const rows = channel.locator('tbody tr');
      assert.equal(await rows.count(), posts[0]!.channel!.units.length);
      for (const unit of posts[0]!.channel!.units.slice(0, 8)) {
        const row = channel.locator(`tr[data-unit-id="${unit.unitId}"]`);
        if (unit.figures) {
          assert.equal(plain(await row.locator('[data-column="reactions"]').textContent()), String(unit.figures.reactions), unit.name);
          assert.equal(plain(await row.locator('[data-column="people"]').textContent()), String(unit.figures.people), unit.name);
        } else assert.match(plain(await row.textContent()), /counted|telles|Færre enn|skjult/i, `${unit.name} says why it is hidden`);
      }
      const hidden = posts[0]!.channel!.units.find((u) => u.hidden);
      assert.ok(hidden, 'some unit is too small to show');
      assert.equal(await channel.locator(`tr[data-unit-id="${hidden.unitId}"] [data-column]`).count(), 0, 'a hidden unit has no figure cells');
      const viewers = posts[1]!.page!.viewers;
      assert.match(plain(await page.locator('[data-testid="post-elsewhere"][data-kind="sharepoint_page"] dl').textContent()), new RegExp(`Unike lesere ?${viewers}`));

      // The bot posts the announcement in a channel given by its link; a link to no channel is explained first.
      const channelField = page.getByRole('textbox', { name: /Eller la Digipuls legge ut kunngjøringen i en kanal/ });
      await channelField.fill('https://teams.microsoft.com/l/chat/0/0');
      await page.getByRole('button', { name: 'Legg ut i kanalen' }).click();
      await page.getByText('Lenken går ikke til en Teams-kanal. Bruk «Hent kobling til kanal» ved kanalen.').waitFor();
      await channelField.fill(stack.sim.posts.teams[1]!.channelLink);
      await page.getByRole('button', { name: 'Legg ut i kanalen' }).click();
      await page.locator('[data-testid="post-elsewhere"]').nth(2).waitFor();
      assert.ok(stack.sim.connector.activities.some((a) => a.conversationId.startsWith(`${stack.sim.posts.teams[1]!.channelId};messageid=`)), 'the bot posted in the channel');

      await expectNoViolations(page, 'posts elsewhere light');
      await page.getByTestId('posts-elsewhere').screenshot({ path: 'test-results/posts-elsewhere-light.png' });
      for (const theme of ['dark', 'contrast'] as const) {
        await openAnnouncement(page, theme);
        await page.getByTestId('post-unit-table').first().waitFor();
        await expectNoViolations(page, `posts elsewhere ${theme}`);
        await page.getByTestId('posts-elsewhere').screenshot({ path: `test-results/posts-elsewhere-${theme}.png` });
      }
    } finally {
      await context.close();
    }
  });

  it('fits a phone: no sideways page scroll, the unit table scrolls in its own region', async () => {
    const { context, page } = await signIn(demo().communicator.displayName, PHONE);
    try {
      for (const theme of ['default', 'dark', 'contrast'] as const) {
        await openAnnouncement(page, theme);
        await page.getByTestId('post-unit-table').first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - 375);
        assert.ok(overflow <= 0, `${theme}: the page is ${overflow}px wider than the phone`);
        await expectNoViolations(page, `phone posts elsewhere ${theme}`);
      }
      await page.getByTestId('posts-elsewhere').screenshot({ path: 'test-results/posts-elsewhere-phone.png' });
    } finally {
      await context.close();
    }
  });

  it('shows a unit lead the figures of their own units, without the form to add posts', async () => {
    const { context, page } = await signIn(demo().unitLead.displayName);
    try {
      await openAnnouncement(page);
      await page.getByTestId('post-unit-table').first().waitFor();
      assert.equal(await page.getByRole('button', { name: 'Følg innlegget' }).count(), 0);
      const { posts } = await api<ApiPosts>(`/api/v1/announcements/${announcementId}/posts`, demo().unitLead.id);
      assert.equal(await page.locator('[data-testid="post-unit-table"]').first().locator('tbody tr').count(), posts[0]!.channel!.units.length);
      await expectNoViolations(page, 'posts elsewhere as unit lead');
    } finally {
      await context.close();
    }
  });
});
