import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { launchChromium } from '../support/browser.js';
import { startSimulator } from '../../sim/index.js';

describe('simulator sign-in page', () => {
  it('lists the demo people in the asked language and passes axe (WCAG 2.1 AA)', async () => {
    const sim = await startSimulator({ staff: 100, seed: 'page' });
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ viewport: { width: 375, height: 740 } })).newPage();
      const query = new URLSearchParams({ client_id: sim.app.clientId, response_type: 'code', redirect_uri: 'http://localhost:1/tab/', code_challenge: 'a'.repeat(43), code_challenge_method: 'S256', ui_locales: 'sv-SE' });
      await page.goto(`${sim.url}/${sim.tenantId}/oauth2/v2.0/authorize?${query}`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
      await page.getByRole('heading', { name: 'Logga in i Fjordvik kommune' }).waitFor();
      assert.equal(await page.getByRole('button', { name: /^Logga in som / }).count(), 5);
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      assert.deepEqual(result.violations.map((v) => v.id), []);
      await mkdir('test-results', { recursive: true });
      await page.screenshot({ path: 'test-results/sim-sign-in.png', fullPage: true });
    } finally {
      await browser.close();
      await sim.close();
    }
  });
});
