import assert from 'node:assert/strict';
import { VERBS } from '../../bot/card-actions.js';
import { DIGEST_MARKER, digestCard, digestTurnedOffCard } from '../../bot/cards/digest-card.js';
import type { DigestAction } from '../../core/digest-action.js';
import { digestModel, type DigestModel } from '../../core/digest-content.js';
import { LOCALES, type Locale } from '../../core/locale.js';
import { allParts } from './survey-helpers.js';

const tabUrl = 'https://digipuls.example.kommune.no/tab/';
const texts = (card: unknown) => allParts(card).flatMap((p) => (p.type === 'TextBlock' || p.type === 'TextRun' ? [String(p.text)] : []));

const ACTIONS: DigestAction[] = [
  { kind: 'brief-inactive', unitName: 'Hjemmetjenesten Nord', count: 12, days: 30 },
  { kind: 'remind-announcement', title: 'Ny vaktplan', count: 9, requiresAcknowledgement: false },
  { kind: 'remind-announcement', title: 'Turnus', count: 9, requiresAcknowledgement: true },
  { kind: 'encourage-survey', title: 'Ukepuls', responseRate: 0.3 },
  { kind: 'no-figures' },
  { kind: 'well-done' },
];

/** A digest with every kind of line: shown and hidden units, announcements and surveys. */
function model(action: DigestAction): DigestModel {
  const base = digestModel({
    minGroupSize: 5,
    unitName: 'Hjemmetjenesten',
    adoption: {
      period: 'D30',
      reportDate: '2026-12-05',
      concealed: false,
      units: [
        { name: 'Hjemmetjenesten', path: ['H'], depth: 0, hidden: false, staff: 40, teamsActive: 30 },
        { name: 'Nattpatruljen', path: ['H', 'N'], depth: 1, hidden: true },
      ],
      municipality: { staff: 2000, teamsActive: 1500 },
    },
    announcements: [
      { title: 'Ny vaktplan', requiresAcknowledgement: false, settled: true, funnel: { targeted: 40, onTeams: null, delivered: 40, read: 31, acknowledged: 0, clicked: 0 } },
      { title: 'Liten', requiresAcknowledgement: false, settled: true, funnel: null },
    ],
    surveys: [
      { title: 'Ukepuls', open: true, unit: { invited: 40, reached: 40, answered: 12, responseRate: 0.3 }, municipality: { invited: 900, reached: 800, answered: 400, responseRate: 0.5 } },
      { title: 'Skjult', open: true, unit: null, municipality: null },
    ],
  });
  return { ...base, action };
}

/** Words each language must use, so a missing key (i18next would show the key) or a wrong language shows. */
const WORDS: Record<Locale, { title: string; hidden: RegExp; turnOff: string; off: RegExp }> = {
  nb: { title: 'Ukesammendrag for Hjemmetjenesten', hidden: /^Nattpatruljen: for få personer til å vise tall$/, turnOff: 'Slå av sammendraget', off: /Skriv «sammendrag på»/ },
  nn: { title: 'Vekesamandrag for Hjemmetjenesten', hidden: /^Nattpatruljen: for få personar til å vise tal$/, turnOff: 'Slå av samandraget', off: /Skriv «samandrag på»/ },
  sv: { title: 'Veckosammanfattning för Hjemmetjenesten', hidden: /^Nattpatruljen: för få personer för att visa siffror$/, turnOff: 'Stäng av sammanfattningen', off: /Skriv ”sammanfattning på”/ },
  en: { title: 'Weekly digest for Hjemmetjenesten', hidden: /^Nattpatruljen: too few people to show figures$/, turnOff: 'Turn off the digest', off: /Write "digest on"/ },
};

describe('bot: the unit-lead digest card', () => {
  for (const locale of LOCALES) {
    for (const action of ACTIONS) {
      it(`${locale} ${action.kind}${action.kind === 'remind-announcement' && action.requiresAcknowledgement ? ' (acknowledge)' : ''}: every text translated, the suggestion first, hidden groups in words`, () => {
        const card = digestCard(model(action), locale, { tabUrl });
        assert.equal(card.version, '1.5');
        assert.equal(card.lang, locale);
        assert.equal(card.body.length, 1);
        const outer = card.body[0] as { id: string; items: Array<Record<string, unknown>> };
        assert.equal(outer.id, DIGEST_MARKER);
        const lines = texts(card);
        assert.equal(lines[0], WORDS[locale].title);
        assert.equal(card.fallbackText, WORDS[locale].title);
        for (const text of lines) {
          assert.ok(text.trim().length > 0);
          assert.doesNotMatch(text, /digest\.|\{\{|undefined|NaN/, `an untranslated text: ${text}`);
        }
        // The suggestion is the first thing after the heading.
        assert.equal(outer.items[1]!.style, 'emphasis');
        const hiddenLine = lines.map((l) => l.replace(/^• /, '')).find((l) => l.startsWith('Nattpatruljen'))!;
        assert.match(hiddenLine, WORDS[locale].hidden);
        assert.doesNotMatch(hiddenLine, /\d/);
        assert.ok(lines.some((l) => l.includes('75 %')), 'the municipality');
        assert.ok(JSON.stringify(card).length < 28_000, 'well under the Teams message size limit');

        const [open, change, off] = card.actions as Array<{ type: string; title: string; url?: string; verb?: string; data?: unknown; fallback?: unknown }>;
        assert.deepEqual([open!.type, open!.url, change!.type, change!.url], ['Action.OpenUrl', `${tabUrl}#/adoption`, 'Action.OpenUrl', `${tabUrl}#/home`]);
        assert.deepEqual([off!.type, off!.title, off!.verb, off!.data], ['Action.Execute', WORDS[locale].turnOff, VERBS.digestOff, {}]);
        assert.deepEqual(off!.fallback, { type: 'Action.Submit', title: WORDS[locale].turnOff, data: { verb: VERBS.digestOff } });
      });
    }

    it(`${locale}: the turned-off card says how to turn it on again`, () => {
      const card = digestTurnedOffCard(locale);
      assert.equal(card.lang, locale);
      assert.match(card.body.map((b) => String(b.text)).join(' '), WORDS[locale].off);
      assert.equal(card.actions, undefined);
    });
  }

  it('a lead the directory places in no unit gets a card that says so, with no figures', () => {
    const card = digestCard({ ...model({ kind: 'well-done' }), unitName: null }, 'nb', { tabUrl });
    const lines = texts(card);
    assert.equal(lines[0], 'Ukesammendrag');
    assert.match(lines[1]!, /ikke i noen enhet/);
    assert.ok(!lines.some((l) => /Teams-bruk|Kunngjøringer/.test(l)));
  });
});
