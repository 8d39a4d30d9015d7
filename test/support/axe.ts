import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The rules the tab is held to: WCAG 2.1 level A and AA. */
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Fails with every violation axe-core finds on the page, each with where it is and why. */
export async function expectNoViolations(page: Page, label: string): Promise<void> {
  // Only violations are read; leaving out the passes and incompletes halves each run (3 s instead of 7 on a big page).
  // options() replaces the options object, so the tags come after it.
  const result = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(WCAG).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)} ${n.failureSummary ?? ''}`).join(', ')})`);
  assert.deepEqual(summary, [], `${label}: axe found WCAG 2.1 AA violations`);
}
