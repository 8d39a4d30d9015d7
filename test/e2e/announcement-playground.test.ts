import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Funnel } from '../../core/announcement-reach.js';
import { cardInPlayground, playgroundSession } from '../support/playground.js';
import { waitFor } from '../support/wait.js';
import { signInOnPage } from '../support/tab-session.js';

const TITLE = 'Ny rutine for vaktbytte';
const BODY = 'Fra mandag bytter vi vakter i **MinTurnus**, ikke på papir.';

/** Whitespace as one plain space: Norwegian numbers and percentages use no-break spaces. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('announcement end to end in the Microsoft 365 Agents Playground', function () {
  this.timeout(180_000);
  const session = playgroundSession();

  const demo = () => session.stack.sim.municipality.demoPersons;

  /** The communicator writes the announcement in the tab and sends it to everyone, asking for acknowledgement. */
  async function composeInTab(tab: Page): Promise<string> {
    await signInOnPage(tab, session.stack.url, demo().communicator.displayName);
    await tab.getByRole('navigation').getByRole('link', { name: 'Nådd' }).click();
    await tab.getByRole('link', { name: 'Ny kunngjøring' }).click();
    await tab.getByRole('textbox', { name: 'Tittel' }).fill(TITLE);
    await tab.getByRole('textbox', { name: 'Tekst', exact: true }).fill(BODY);
    await tab.getByRole('checkbox', { name: 'Mottakerne må bekrefte at de har lest kunngjøringen' }).check();
    await tab.getByRole('button', { name: 'Send nå' }).click();
    await tab.getByTestId('created-notice').waitFor();
    const id = decodeURIComponent(new URL(tab.url()).hash.split('/')[2] ?? '');
    assert.ok(id, 'the address leads to the announcement');
    return id;
  }

  /** The funnel's rows as the tab shows them: stage, people, share. */
  async function funnelRows(tab: Page, id: string): Promise<string[][]> {
    // Opened afresh, as someone coming back to the page would.
    await tab.goto(`${session.stack.url}/tab/#/reach/${id}`);
    await tab.reload();
    await tab.getByTestId('funnel-table').waitFor();
    return tab.getByTestId('funnel-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())));
  }

  /** The API as the communicator calls it (the yardstick the tab is checked against). */
  async function getJson<T>(path: string): Promise<T> {
    const response = await fetch(`${session.stack.url}${path}`, {
      headers: { authorization: `Bearer ${await session.stack.sim.issueUserToken(demo().communicator.id)}` },
    });
    assert.equal(response.status, 200, path);
    return (await response.json()) as T;
  }
  const reachOf = async (id: string) => (await getJson<{ municipality: Funnel }>(`/api/v1/announcements/${id}/reach`)).municipality;

  it('a communicator’s announcement arrives in a staff member’s chat; she presses «Bekreft lest», the card says so, and the tab’s funnel counts her', async () => {
    const { stack, playground, browser } = session;
    const chat = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await chat.goto(playground.url);
    await chat.locator('[data-lexical-editor="true"]').waitFor({ timeout: 30_000 });
    const amina = demo().staff;
    // Opening the chat installs the app for her: the bot keeps the chat to reach her later.
    await waitFor(async () => (await stack.directory.findPerson(stack.sim.tenantId, amina.id))?.conversationReference);

    const tab = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'nb-NO' });
    const id = await composeInTab(tab);

    // Her card, told up front that pressing the button records her name.
    const card = await cardInPlayground(chat, playground, TITLE);
    const shown = plain(await card.textContent());
    assert.match(shown, /Fra mandag bytter vi vakter i MinTurnus, ikke på papir\./);
    assert.match(shown, /registreres det med navnet ditt/);
    await chat.screenshot({ path: 'test-results/playground-announcement.png', fullPage: true });

    // Before she acknowledges, the funnel has her delivered and nobody acknowledged.
    const before = await waitFor(async () => {
      const whole = await reachOf(id);
      return whole.delivered >= 1 ? whole : null;
    });
    assert.equal(before.acknowledged, 0);

    await card.getByRole('button', { name: 'Bekreft lest' }).click();
    const updated = await cardInPlayground(chat, playground, /Bekreftet lest ✓/);
    assert.match(plain(await updated.textContent()), new RegExp(TITLE), 'the same announcement, now acknowledged');
    assert.equal(await chat.locator('.ac-adaptiveCard').getByRole('button', { name: 'Bekreft lest' }).count(), 0, 'the button is gone: the card was replaced');
    await chat.screenshot({ path: 'test-results/playground-announcement-acknowledged.png', fullPage: true });

    // The tab's funnel counts her acknowledgement, once, when everyone has been sent to.
    await waitFor(async () => (await getJson<{ status: string }>(`/api/v1/announcements/${id}`)).status === 'sent', 120_000);
    const after = await reachOf(id);
    assert.equal(after.acknowledged, 1);
    const rows = await funnelRows(tab, id);
    const acknowledged = rows.find(([stage]) => stage === 'Bekreftet lest');
    assert.ok(acknowledged, `the funnel has an acknowledged stage: ${JSON.stringify(rows)}`);
    assert.equal(acknowledged[1], '1');
    const delivered = rows.find(([stage]) => stage === 'Levert');
    assert.equal(delivered?.[1], String(after.delivered));
    await tab.screenshot({ path: 'test-results/playground-announcement-funnel.png' });

    await chat.close();
    await tab.close();
  });
});

