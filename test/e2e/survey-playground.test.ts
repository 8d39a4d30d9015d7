import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { surveyCard } from '../../bot/cards/survey-card.js';
import { findTemplate } from '../../core/survey-templates/index.js';
import { cardInPlayground, playgroundSession } from '../support/playground.js';
import { waitFor } from '../support/wait.js';
import { sendSurvey, storedFor } from '../bot/survey-helpers.js';

describe('pulse survey end to end in the Microsoft 365 Agents Playground', function () {
  this.timeout(120_000);
  const session = playgroundSession();

  const card = (page: Page, text: string | RegExp) => cardInPlayground(page, session.playground, text);
  const template = findTemplate('digital-work-environment')!;
  const question = (id: string) => template.definition.questions.find((q) => q.id === id)!;

  /** Picks a choice of a question in the rendered card, as a person taps it. */
  async function choose(survey: Locator, questionId: string, choice: string) {
    const { kind, text } = question(questionId);
    // A scale is a radio group named by its question; a check box is named by its question, then its option.
    const scope = kind === 'multiple' ? survey : survey.getByRole('radiogroup', { name: text.nb });
    const name = new RegExp(`${kind === 'multiple' ? escape(text.nb) + '.*' : '^'}${escape(choice)}$`);
    await scope.getByRole(kind === 'multiple' ? 'checkbox' : 'radio', { name }).click();
  }

  it('a staff member gets the digital-work-environment survey, answers it in the card and sees the thank-you card; a second answer is refused politely', async () => {
    const { stack, playground, browser } = session;
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(playground.url);
    await page.locator('[data-lexical-editor="true"]').waitFor({ timeout: 30_000 });
    const amina = stack.sim.municipality.demoPersons.staff;
    // Opening the chat installs the app for her: the bot keeps the chat to reach her later.
    const reference = await waitFor(async () => (await stack.directory.findPerson(stack.sim.tenantId, amina.id))?.conversationReference);

    const { roundId, result } = await sendSurvey(stack, { templateId: 'digital-work-environment', audience: { kind: 'everyone' } });
    assert.ok(result.prompted >= 1);
    const survey = await card(page, 'Svarfrist');
    assert.match((await survey.textContent()) ?? '', /Digitalt arbeidsmiljø/);
    await page.screenshot({ path: 'test-results/playground-survey.png', fullPage: true });

    for (const id of ['it-stress', 'interruptions', 'systems', 'training', 'support', 'involvement', 'information']) await choose(survey, id, '4 – Litt enig');
    await choose(survey, 'information-channel', 'Teams (chat eller kanal)');
    await choose(survey, 'information-channel', 'Intranettet');
    await survey.getByRole('textbox', { name: /Hva er det ene/ }).fill('Færre varsler i Teams');
    await survey.getByRole('button', { name: 'Send svarene' }).click();

    const thanks = await card(page, 'Takk for svarene dine!');
    const shown = (await thanks.textContent()) ?? '';
    assert.match(shown, /4 – Litt enig/);
    assert.match(shown, /Teams \(chat eller kanal\), Intranettet/);
    assert.match(shown, /Færre varsler i Teams/);
    assert.equal(await page.locator('.ac-adaptiveCard', { hasText: 'Svarfrist' }).count(), 0, 'the thank-you card took the survey card\'s place');
    await page.screenshot({ path: 'test-results/playground-survey-thanks.png', fullPage: true });
    assert.deepEqual(await storedFor(stack, roundId), { answers: 1, answered: 1 });

    // The same survey card once more (say, a copy that reached her phone): answering it is refused kindly.
    const found = await stack.app.surveys.store.findRound(stack.sim.tenantId, roundId);
    const copy = surveyCard({ surveyId: found!.survey.id, roundId, definition: found!.survey.definition, closesOn: found!.closesOn, reminder: false }, 'nb');
    await stack.app.server.bot.sendProactive(reference as never, copy);
    const second = await card(page, 'Svarfrist');
    for (const id of ['it-stress', 'interruptions', 'systems', 'training', 'support', 'involvement', 'information']) await choose(second, id, '1 – Helt uenig');
    await choose(second, 'information-channel', 'E-post');
    await second.getByRole('button', { name: 'Send svarene' }).click();
    const refused = await card(page, 'Du har allerede svart');
    assert.match((await refused.textContent()) ?? '', /«Digitalt arbeidsmiljø» – takk for det!/);
    await page.screenshot({ path: 'test-results/playground-survey-already.png', fullPage: true });
    assert.deepEqual(await storedFor(stack, roundId), { answers: 1, answered: 1 }, 'nothing more was stored');
    await page.close();
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

