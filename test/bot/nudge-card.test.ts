import assert from 'node:assert/strict';
import { LOCALES, type Locale } from '../../core/locale.js';
import { NUDGE_FEEDBACK_VERB, NUDGE_MARKER_PREFIX, NUDGE_STOP_VERB, NUDGE_TIPS } from '../../core/nudge-tips.js';
import { asAttachment } from '../../bot/cards/adaptive-card.js';
import { TEAMS_MESSAGE_LIMIT_BYTES } from '../../bot/cards/announcement-card.js';
import { nudgeCard, nudgesStoppedCard, TEAMS_APP_DOWNLOAD_URL } from '../../bot/cards/nudge-card.js';
import { allParts, buttonsOf } from './survey-helpers.js';

const nudgeId = '7d2c9a41-3b8e-4f6a-9c15-2e4b8d7a6f03';
const channel = 'https://teams.microsoft.com/l/channel/19%3Aabc%40thread.tacv2/Hjemmetjenesten%20Nord';
const community = 'https://engage.cloud.microsoft/main/groups/eyJfdHlwZSI6Ikdyb3VwIiwiaWQiOiIxMjMifQ';
const outer = (card: { body: unknown[] }) => card.body[0] as { type: string; id: string; items: Array<Record<string, unknown>> };
const texts = (card: unknown) => allParts(card).flatMap((p) => (p.type === 'TextBlock' ? [String(p.text)] : p.type === 'TextRun' ? [String(p.text)] : []));
const executes = (card: unknown) => allParts(card).filter((p) => p.type === 'Action.Execute') as Array<{ title: string; verb: string; data: Record<string, unknown> }>;

/** Digipuls' own words on every tip, per language. */
const CHROME: Record<Locale, { helped: string; notForMe: string; stop: string; pacing: RegExp; thanks: string; stopped: RegExp }> = {
  nb: { helped: 'Dette hjalp', notForMe: 'Ikke for meg', stop: 'Ingen flere tips', pacing: /høyst ett tips i uka.*«stopp»/, thanks: 'Takk! Vi bruker svaret til å gjøre tipsene bedre.', stopped: /Tipsene er slått av.*Skriv «start»/ },
  nn: { helped: 'Dette hjelpte', notForMe: 'Ikkje for meg', stop: 'Ingen fleire tips', pacing: /høgst eitt tips i veka.*«stopp»/, thanks: 'Takk! Vi brukar svaret til å gjere tipsa betre.', stopped: /Tipsa er slått av.*Skriv «start»/ },
  sv: { helped: 'Det här hjälpte', notForMe: 'Inte för mig', stop: 'Inga fler tips', pacing: /högst ett tips i veckan.*”stopp”/, thanks: 'Tack! Vi använder svaret för att göra tipsen bättre.', stopped: /Tipsen är avstängda.*Skriv ”start”/ },
  en: { helped: 'This helped', notForMe: 'Not for me', stop: 'No more tips', pacing: /at most one tip a week.*"stop"/, thanks: 'Thank you! We use your answer to make the tips better.', stopped: /Tips are turned off.*Write \\"start\\"/ },
};

describe('bot: usage tips as staff see them', () => {
  for (const locale of LOCALES) {
    for (const tip of NUDGE_TIPS) {
      it(`${locale} ${tip}: marker, heading, 2–4 steps, the feedback pair, a quiet stop and the pacing line, well under Teams' limit`, () => {
        const card = nudgeCard({ nudgeId, tip, unitChannelUrl: channel, engageCommunityUrl: community, announcementTitle: 'Ny turnus fra 1. mars' }, locale);
        assert.equal(card.version, '1.5');
        assert.equal(card.lang, locale);
        assert.equal(card.body.length, 1, 'one outer container holds everything');
        assert.equal(outer(card).type, 'Container');
        assert.equal(outer(card).id, `${NUDGE_MARKER_PREFIX}${nudgeId}`);
        const [title] = outer(card).items;
        assert.equal(title!.style, 'heading');
        assert.equal(card.fallbackText, title!.text, 'the chat list shows the heading');
        const steps = outer(card).items.filter((item) => item.type === 'ColumnSet');
        assert.ok(steps.length >= 2 && steps.length <= 4, `${steps.length} steps`);
        for (const text of texts(card)) {
          assert.ok(text.trim().length > 0);
          assert.doesNotMatch(text, /nudgeTips\.|nudgeCard\.|\{\{/, `an untranslated text: ${text}`);
        }

        const [helped, notForMe, stop] = executes(card);
        assert.deepEqual([helped!.title, helped!.verb, helped!.data], [CHROME[locale].helped, NUDGE_FEEDBACK_VERB, { nudgeId, feedback: 'helped' }]);
        assert.deepEqual([notForMe!.title, notForMe!.verb, notForMe!.data], [CHROME[locale].notForMe, NUDGE_FEEDBACK_VERB, { nudgeId, feedback: 'not-for-me' }]);
        assert.deepEqual([stop!.title, stop!.verb, stop!.data], [CHROME[locale].stop, NUDGE_STOP_VERB, { nudgeId }]);
        assert.equal((stop as { style?: string }).style, undefined, 'stopping is there, not shouted');
        for (const action of executes(card)) {
          assert.deepEqual((action as { fallback?: unknown }).fallback, { type: 'Action.Submit', title: action.title, data: { ...action.data, verb: action.verb }, ...((action as { style?: string }).style ? { style: 'positive' } : {}) });
        }
        const pacing = outer(card).items.at(-1)!;
        assert.match(String(pacing.text), CHROME[locale].pacing);
        assert.equal(pacing.isSubtle, true);

        // The activity around the card (ids, from, recipient, conversation, channelData) takes about 1 KB.
        const activity = { type: 'message', summary: card.fallbackText, attachments: [asAttachment(card)], envelope: 'x'.repeat(1024) };
        assert.ok(Buffer.byteLength(JSON.stringify(activity)) < TEAMS_MESSAGE_LIMIT_BYTES / 2);
      });
    }

    it(`${locale}: after an answer the pair gives way to the thanks; the tip, its link and the stop button stay`, () => {
      const asked = nudgeCard({ nudgeId, tip: 'engage-invitation', engageCommunityUrl: community }, locale);
      const thanked = nudgeCard({ nudgeId, tip: 'engage-invitation', engageCommunityUrl: community, feedbackGiven: true }, locale);
      assert.equal(outer(thanked).id, outer(asked).id);
      assert.ok(texts(thanked).includes(CHROME[locale].thanks));
      assert.ok(!texts(asked).includes(CHROME[locale].thanks));
      assert.deepEqual(executes(thanked).map((a) => a.verb), [NUDGE_STOP_VERB], 'nothing left to answer');
      assert.deepEqual(buttonsOf(thanked), buttonsOf(asked));
      assert.equal(thanked.fallbackText, asked.fallbackText);
    });

    it(`${locale}: the stopped card says tips are off and how to turn them on`, () => {
      const card = nudgesStoppedCard(locale);
      assert.equal(card.lang, locale);
      assert.match(JSON.stringify(card.body), CHROME[locale].stopped);
      assert.equal(allParts(card).filter((p) => String(p.type).startsWith('Action.')).length, 0);
    });
  }

  it('opens the unit channel, the Engage community or the app store where the tip is about them, and only when there is a link', () => {
    const opens = (card: ReturnType<typeof nudgeCard>) => buttonsOf(card).filter((b) => b.type === 'Action.OpenUrl').map((b) => [b.title, b.url]);
    assert.deepEqual(opens(nudgeCard({ nudgeId, tip: 'follow-unit-channel', unitChannelUrl: channel }, 'nb')), [['Åpne kanalen', channel]]);
    assert.deepEqual(opens(nudgeCard({ nudgeId, tip: 'ask-in-channel', unitChannelUrl: channel }, 'nn')), [['Opne kanalen', channel]]);
    assert.deepEqual(opens(nudgeCard({ nudgeId, tip: 'engage-invitation', engageCommunityUrl: community }, 'sv')), [['Öppna communityn', community]]);
    assert.deepEqual(opens(nudgeCard({ nudgeId, tip: 'install-mobile-app' }, 'en')), [['Get Teams', TEAMS_APP_DOWNLOAD_URL]]);
    assert.deepEqual(opens(nudgeCard({ nudgeId, tip: 'follow-unit-channel' }, 'nb')), []);
    assert.deepEqual(opens(nudgeCard({ nudgeId, tip: 'engage-invitation' }, 'nb')), []);
    assert.deepEqual(opens(nudgeCard({ nudgeId, tip: 'turn-on-notifications', unitChannelUrl: channel, engageCommunityUrl: community }, 'nb')), []);
    // The stop button stays last, where the eye gets to it after the link.
    assert.equal(buttonsOf(nudgeCard({ nudgeId, tip: 'follow-unit-channel', unitChannelUrl: channel }, 'nb')).at(-1)!.verb, NUDGE_STOP_VERB);
  });

  it('names the unread announcement in the reminder, in the glossary word of each language', () => {
    const named: Record<Locale, string> = {
      nb: 'Har du sett kunngjøringen «Ny turnus»?',
      nn: 'Har du sett kunngjeringa «Ny turnus»?',
      sv: 'Har du sett meddelandet ”Ny turnus”?',
      en: 'Have you seen the announcement "Ny turnus"?',
    };
    for (const locale of LOCALES) {
      const card = nudgeCard({ nudgeId, tip: 'announcement-reminder', announcementTitle: 'Ny turnus' }, locale);
      assert.equal(card.fallbackText, named[locale]);
      const untitled = nudgeCard({ nudgeId, tip: 'announcement-reminder' }, locale);
      assert.doesNotMatch(untitled.fallbackText!, /\{\{|«»|””|""/, 'without a title it asks about the new announcement');
    }
  });

  it('opens the welcome sequence with a welcome, in words for someone new', () => {
    assert.match(nudgeCard({ nudgeId, tip: 'welcome-to-teams' }, 'nb').fallbackText!, /^Velkommen!/);
    assert.match(nudgeCard({ nudgeId, tip: 'welcome-to-teams' }, 'nn').fallbackText!, /^Velkomen!/);
    assert.match(nudgeCard({ nudgeId, tip: 'welcome-to-teams' }, 'sv').fallbackText!, /^Välkommen!/);
    assert.match(nudgeCard({ nudgeId, tip: 'welcome-to-teams' }, 'en').fallbackText!, /^Welcome!/);
  });

  it('keeps Viva Engage and Teams by their names in every language', () => {
    for (const locale of LOCALES) {
      assert.match(JSON.stringify(nudgeCard({ nudgeId, tip: 'engage-invitation' }, locale).body), /Viva Engage/);
      assert.match(JSON.stringify(nudgeCard({ nudgeId, tip: 'install-mobile-app' }, locale).body), /Teams/);
    }
  });
});
