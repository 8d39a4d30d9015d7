import assert from 'node:assert/strict';
import { LOCALES, type Locale } from '../../core/locale.js';
import type { Role } from '../../core/roles.js';
import { findTemplate } from '../../core/survey-templates/index.js';
import { followUpCard } from '../../bot/cards/survey-follow-up-card.js';
import { surveyCard } from '../../bot/cards/survey-card.js';
import { surveyStepCard } from '../../bot/cards/survey-step-card.js';
import { surveyThanksCard } from '../../bot/cards/survey-thanks-card.js';
import { privacyCard } from '../../bot/cards/privacy-card.js';
import { parseCommand } from '../../bot/commands.js';
import { allParts, buttonsOf, everyKind, inputsOf, promptOf } from './survey-helpers.js';

/** What a card in Teams may contain (Adaptive Cards 1.5); anything else shows as an error box. */
const KNOWN_TYPES = new Set([
  'AdaptiveCard', 'TextBlock', 'RichTextBlock', 'TextRun', 'Container', 'ColumnSet', 'Column', 'FactSet',
  'Input.Text', 'Input.ChoiceSet', 'Action.Execute', 'Action.Submit', 'Action.ShowCard',
]);

function assertTeamsCard(card: { version: string; body: unknown[] }) {
  assert.equal(card.version, '1.5');
  const parts = allParts(card);
  for (const part of parts) assert.ok(KNOWN_TYPES.has(String(part.type)), `unknown element ${String(part.type)}`);
  const ids = inputsOf(card).map((i) => i.id);
  assert.equal(new Set(ids).size, ids.length, 'input ids are unique');
  // A text key that slipped through untranslated ("survey.send") would show as is.
  const texts = parts.flatMap((p) => [p.text, p.title, p.label, p.errorMessage, p.placeholder].filter((v): v is string => typeof v === 'string'));
  for (const text of texts) assert.doesNotMatch(text, /^[a-zA-Z]+(\.[a-zA-Z_]+)+$/, `untranslated key ${text}`);
}

const dwe = findTemplate('digital-work-environment')!;
const facts = (minGroupSize: number, freeTextRoles: Role[] = ['AdoptionAdmin', 'SafetyRep', 'UnitLead']) => ({ minGroupSize, freeTextRoles });

describe('bot: the survey card staff get in chat', () => {
  it('shows the digital-work-environment survey in bokmål: title, intro, answer-by date, every question as an input', () => {
    const card = surveyCard(promptOf(dwe.definition), 'nb');
    assertTeamsCard(card);
    assert.equal(card.lang, 'nb');
    const text = JSON.stringify(card.body);
    assert.match(text, /Digitalt arbeidsmiljø/);
    assert.ok(text.includes(dwe.definition.intro!.nb), 'shows the intro');
    assert.match(text, /Svarfrist: 14\. mars 2025/);
    assert.match(text, /lagres uten navnet ditt/);
    const inputs = inputsOf(card);
    assert.deepEqual(inputs.map((i) => i.id), dwe.definition.questions.map((q) => `q.${q.id}`));
    assert.match(String(inputs[0]!.label), /^1\. Jeg blir sjelden stresset/);
  });

  it('asks Likert questions with five labelled points, one tap each', () => {
    const likert = inputsOf(surveyCard(promptOf(everyKind), 'nn')).find((i) => i.id === 'q.workload')!;
    assert.equal(likert.type, 'Input.ChoiceSet');
    assert.equal(likert.style, 'expanded');
    assert.equal(likert.isMultiSelect, undefined);
    assert.deepEqual(likert.choices, [
      { title: '1 – Heilt usamd', value: '1' },
      { title: '2 – Litt usamd', value: '2' },
      { title: '3 – Verken samd eller usamd', value: '3' },
      { title: '4 – Litt samd', value: '4' },
      { title: '5 – Heilt samd', value: '5' },
    ]);
  });

  it('asks eNPS on 0–10 with its ends explained, and choices with their option texts', () => {
    const inputs = inputsOf(surveyCard(promptOf(everyKind), 'sv'));
    const enps = inputs.find((i) => i.id === 'q.recommend')!;
    const choices = enps.choices as Array<{ title: string; value: string }>;
    assert.deepEqual(choices.map((c) => c.value), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    assert.equal(choices[0]!.title, '0 – Inte alls troligt');
    assert.equal(choices[10]!.title, '10 – Mycket troligt');
    const single = inputs.find((i) => i.id === 'q.channel')!;
    assert.deepEqual(single.choices, [
      { title: 'Teams', value: 'teams' },
      { title: 'Mejl', value: 'email' },
      { title: 'Intranätet', value: 'intranet' },
    ]);
    assert.equal(single.isMultiSelect, undefined);
    const multiple = inputs.find((i) => i.id === 'q.tools')!;
    assert.equal(multiple.isMultiSelect, true);
    assert.equal(multiple.style, 'expanded');
  });

  it('asks free text on several lines with the length limit, and marks optional questions', () => {
    const inputs = inputsOf(surveyCard(promptOf(everyKind), 'en'));
    const text = inputs.find((i) => i.id === 'q.comment')!;
    assert.equal(text.type, 'Input.Text');
    assert.equal(text.isMultiline, true);
    assert.equal(text.maxLength, 50);
    assert.equal(text.isRequired, false);
    assert.match(String(text.label), /Anything else\? \(optional\)/);
    assert.match(String(text.placeholder), /at most 50 characters/);
  });

  it('marks required questions so Teams checks them, with the error message in the person\'s language', () => {
    const messages: Record<Locale, string> = {
      nb: 'Dette spørsmålet må besvares.',
      nn: 'Du må svare på dette spørsmålet.',
      sv: 'Den här frågan måste besvaras.',
      en: 'Please answer this question.',
    };
    for (const locale of LOCALES) {
      const card = surveyCard(promptOf(everyKind), locale);
      for (const input of inputsOf(card)) {
        const question = everyKind.questions.find((q) => `q.${q.id}` === input.id)!;
        assert.equal(input.isRequired, question.required, `${locale} ${question.id}`);
        if (question.required) assert.equal(input.errorMessage, messages[locale]);
        else assert.equal(input.errorMessage, undefined);
      }
      assertTeamsCard(card);
    }
  });

  it('sends with Action.Execute (verb and round) and falls back to Action.Submit for older Teams clients', () => {
    const prompt = promptOf(everyKind);
    const [send, oneByOne, privacy, ...rest] = buttonsOf(surveyCard(prompt, 'nb'));
    assert.equal(rest.length, 0);
    assert.equal(send!.type, 'Action.Execute');
    assert.equal(send!.title, 'Send svarene');
    assert.equal(send!.verb, 'digipuls.survey.answer');
    assert.deepEqual(send!.data, { roundId: prompt.roundId });
    assert.equal(send!.associatedInputs, undefined, 'sending takes every input');
    assert.deepEqual(send!.fallback, { type: 'Action.Submit', title: 'Send svarene', data: { roundId: prompt.roundId, verb: 'digipuls.survey.answer' }, style: 'positive' });
    assert.equal(oneByOne!.title, 'Ett spørsmål om gangen');
    assert.equal(oneByOne!.verb, 'digipuls.survey.step');
    assert.equal(oneByOne!.associatedInputs, 'none', 'switching mode does not stop at unanswered questions');
    assert.equal(privacy!.title, 'Hva skjer med svarene mine?');
    assert.equal(privacy!.verb, 'digipuls.showPrivacy');
    assert.deepEqual(privacy!.data, { roundId: prompt.roundId });
    for (const button of [oneByOne!, privacy!]) assert.equal((button.fallback as { associatedInputs?: string }).associatedInputs, 'none');
  });

  it('writes the date as each language does', () => {
    const dates: Record<Locale, RegExp> = { nb: /Svarfrist: 14\. mars 2025/, nn: /Svarfrist: 14\. mars 2025/, sv: /Svara senast 14 mars 2025/, en: /Please answer by 14 March 2025/ };
    for (const locale of LOCALES) assert.match(JSON.stringify(surveyCard(promptOf(everyKind), locale).body), dates[locale]);
  });

  it('says a reminder is a reminder, at the top and in the notification text', () => {
    const reminder = surveyCard(promptOf(everyKind, { reminder: true }), 'nb');
    assert.match(JSON.stringify(reminder.body[0]), /Påminnelse: Du har ikke svart på denne pulsmålingen ennå/);
    assert.match(reminder.fallbackText!, /^Påminnelse.*Ukepuls$/);
    assert.doesNotMatch(JSON.stringify(surveyCard(promptOf(everyKind), 'nb')), /Påminnelse/);
  });

  it('is a pure function: the same card for the same prompt, and the (frozen) template untouched', () => {
    const prompt = promptOf(dwe.definition);
    const before = JSON.stringify(prompt);
    assert.deepEqual(surveyCard(prompt, 'sv'), surveyCard(prompt, 'sv'));
    assert.equal(JSON.stringify(prompt), before);
  });
});

describe('bot: one question at a time', () => {
  const prompt = promptOf(everyKind);

  it('shows the first question with Next, and no Back', () => {
    const card = surveyStepCard(prompt, 'nb', 0, {});
    assertTeamsCard(card);
    assert.deepEqual(inputsOf(card).map((i) => i.id), ['q.workload']);
    assert.match(JSON.stringify(card.body), /Spørsmål 1 av 5/);
    assert.deepEqual(buttonsOf(card).map((b) => b.title), ['Neste', 'Vis alle spørsmålene']);
    assert.deepEqual(buttonsOf(card)[0]!.data, { roundId: prompt.roundId, step: 1 });
  });

  it('carries the answers so far in the buttons, fills in the current one, and sends from the last step', () => {
    const answers = { workload: 4, recommend: 9, channel: 'email', tools: ['chat', 'engage'] };
    const middle = surveyStepCard(prompt, 'en', 2, answers);
    assert.equal(inputsOf(middle)[0]!.value, 'email');
    const [next, back] = buttonsOf(middle);
    assert.equal(next!.title, 'Next');
    // The current question's answer comes from its input, so Next does not carry the old one.
    assert.deepEqual(next!.data, { roundId: prompt.roundId, step: 3, 'q.workload': 4, 'q.recommend': 9, 'q.tools': ['chat', 'engage'] });
    assert.equal(back!.title, 'Back');
    assert.equal(back!.associatedInputs, 'none');
    assert.deepEqual(back!.data, { roundId: prompt.roundId, step: 1, 'q.workload': 4, 'q.recommend': 9, 'q.channel': 'email', 'q.tools': ['chat', 'engage'] });

    const last = surveyStepCard(prompt, 'en', 4, answers);
    const [send] = buttonsOf(last);
    assert.equal(send!.title, 'Send answers');
    assert.equal(send!.verb, 'digipuls.survey.answer');
    assert.deepEqual(send!.data, { roundId: prompt.roundId, 'q.workload': 4, 'q.recommend': 9, 'q.channel': 'email', 'q.tools': ['chat', 'engage'] });
    assert.equal(inputsOf(surveyStepCard(prompt, 'en', 3, answers))[0]!.value, 'chat,engage', 'a multiple choice is filled in as Teams sends it');
  });
});

describe('bot: the thank-you card', () => {
  it('shows the answers given with the words of the scale and the options, not ids', () => {
    const card = surveyThanksCard(everyKind, { workload: 4, recommend: 10, channel: 'intranet', tools: ['chat', 'meetings'], comment: '**Mer** [kaffe](http://x)' }, 'nb', facts(5));
    assertTeamsCard(card);
    const text = JSON.stringify(card.body);
    assert.match(text, /Takk for svarene dine!/);
    assert.match(text, /4 – Litt enig/);
    assert.match(text, /10 – Svært sannsynlig/);
    assert.match(text, /Intranettet/);
    assert.match(text, /Chat, Møter/);
    assert.doesNotMatch(text, /"intranet"|"meetings"/);
    const typed = allParts(card).find((p) => p.type === 'TextRun' && p.text === '**Mer** [kaffe](http://x)');
    assert.ok(typed, 'free text is shown as typed, not as Markdown');
    assert.match(text, /minst 5 personer/);
  });

  it('says which optional questions were skipped, and opens the privacy notice inside the card', () => {
    const card = surveyThanksCard(everyKind, { workload: 1, recommend: 0, channel: 'teams' }, 'sv', facts(7));
    assert.match(JSON.stringify(card.body), /Inte besvarad/);
    const [notice] = buttonsOf(card);
    assert.equal(notice!.type, 'Action.ShowCard');
    assert.equal(notice!.title, 'Vad händer med mina svar?');
    assert.match(JSON.stringify(notice!.card), /minst 7 personer/);
  });
});

describe('bot: "you said, we did"', () => {
  const input = {
    title: everyKind.title,
    text: { nb: 'Vi har kuttet ett fast møte.\nNå er det færre varsler.', nn: 'Vi har kutta eitt fast møte.', sv: 'Vi har tagit bort ett fast möte.', en: 'We dropped one regular meeting.' },
    roundOpenedOn: '2025-02-03',
    writtenByRole: 'UnitLead' as const,
  };

  it('uses the glossary words, names the round and the writer\'s role, in every language', () => {
    const expected: Record<Locale, RegExp[]> = {
      nb: [/Dere sa, vi gjorde/, /«Ukepuls» fra 3\. februar 2025/, /Skrevet av lederen for enheten din/],
      nn: [/De sa, vi gjorde/, /«Vekepuls» frå 3\. februar 2025/, /Skrive av leiaren for eininga di/],
      sv: [/Ni sa, vi gjorde/, /”Veckopuls” från 3 februari 2025/, /Skrivet av chefen för din enhet/],
      en: [/You said, we did/, /“Weekly pulse” of 3 February 2025/, /Written by the lead of your unit/],
    };
    for (const locale of LOCALES) {
      const card = followUpCard(input, locale);
      assertTeamsCard(card);
      for (const pattern of expected[locale]) assert.match(JSON.stringify(card.body), pattern, locale);
    }
  });

  it('shows the writer\'s text as written, a paragraph per line', () => {
    const runs = allParts(followUpCard(input, 'nb')).filter((p) => p.type === 'TextRun').map((p) => p.text);
    assert.deepEqual(runs, ['Vi har kuttet ett fast møte.', 'Nå er det færre varsler.']);
    assert.equal(followUpCard({ ...input, writtenByRole: 'Communicator' }, 'nb').body.some((e) => /kommunikasjonsavdelingen/.test(String(e.text))), true);
  });
});

describe('bot: "what happens with my answers"', () => {
  it('is understood in each language, in a sentence, without taking over other words', () => {
    const asks: Array<[string, Locale]> = [
      ['Hva skjer med svarene mine?', 'nb'],
      ['hei! hva skjer med svarene mine', 'nb'],
      ['Kva skjer med svara mine?', 'nn'],
      ['Vad händer med mina svar?', 'sv'],
      ['What happens with my answers?', 'en'],
      ['what happens to my answers', 'en'],
    ];
    for (const [text, locale] of asks) assert.deepEqual(parseCommand(text), { kind: 'privacy', wroteIn: [locale] }, text);
    assert.equal(parseCommand('hva?').kind, 'unknown');
    assert.equal(parseCommand('hva skjer i dag').kind, 'unknown');
  });

  it('says in plain words how answers are stored, when results are shown, who reads free text and what a follow-up is', () => {
    const text = JSON.stringify(privacyCard('nb', facts(5)).body);
    assert.match(text, /atskilt fra listen over hvem som ble spurt og hvem som har svart, og ingenting kobler dem sammen/);
    assert.match(text, /Bare dagen du svarte lagres, ikke klokkeslettet/);
    assert.match(text, /grupper på minst 5 personer/);
    assert.match(text, /aldri slik at noen kan regne seg fram til en mindre gruppe/);
    assert.match(text, /Fritekstsvar vises bare når minst 5 i gruppen har svart, og bare for digitaliseringsteamet, verneombudene og lederne for enhetene\./);
    assert.match(text, /Dere sa, vi gjorde/);
    assert.match(text, /personvernombud/);
  });

  it('offers the way back to the survey when it was opened from one', () => {
    const buttons = buttonsOf(privacyCard('nn', facts(5), { roundId: 'r1' }));
    assert.equal(buttons[0]!.title, 'Tilbake til pulsmålinga');
    assert.equal(buttons[0]!.verb, 'digipuls.survey.show');
    assert.deepEqual(buttons[0]!.data, { roundId: 'r1' });
    assert.deepEqual(buttonsOf(privacyCard('nn', facts(5))).map((b) => b.title), ['Byt språk']);
  });
});

describe('bot: the privacy notice follows the settings', () => {
  it('names exactly the roles configured to read free text, in the person\'s language', () => {
    const text = (roles: Role[], locale: Locale) => JSON.stringify(privacyCard(locale, facts(6, roles)).body);
    assert.match(text(['Communicator'], 'sv'), /minst 6 i gruppen har svarat, och bara för kommunikationsavdelningen\./);
    assert.match(text(['UnitLead', 'SafetyRep'], 'nn'), /berre for leiarane for einingane og verneomboda\./);
    assert.match(text([], 'en'), /Free-text answers are not shown to anyone\./);
  });
});
