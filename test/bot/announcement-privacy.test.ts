import assert from 'node:assert/strict';
import { startTestStack, type TestStack } from '../support/stack.js';
import { newcomer, say, shown } from './chat-helpers.js';

describe('bot: the privacy notice tells how announcement reach is counted', () => {
  let stack: TestStack;
  before(async () => {
    stack = await startTestStack();
  });
  after(() => stack?.close());

  const cases: Array<[string, string, RegExp]> = [
    ['nb-NO', 'Hva skjer med svarene mine?', /For kunngjøringer telles det bare per enhet.*ikke hvem.*Navnet ditt registreres bare når du bekrefter lest på en kunngjøring som sier fra om det på forhånd/],
    ['nn-NO', 'Kva skjer med svara mine?', /For kunngjeringar blir det berre talt per eining.*ikkje kven.*Namnet ditt blir berre registrert når du stadfestar lese på ei kunngjering som seier frå om det på førehand/],
    ['sv-SE', 'Vad händer med mina svar?', /För meddelanden räknas bara per enhet.*inte vilka.*Ditt namn registreras bara när du bekräftar läst på ett meddelande som talar om det i förväg/],
    ['en-GB', 'What happens with my answers?', /For announcements, Digipuls only counts per unit.*not who.*Your name is only recorded when you acknowledge an announcement that says so up front/],
  ];
  for (const [locale, text, expected] of cases) {
    it(`${locale}: "${text}"`, async () => {
      assert.match(shown(await say(stack, newcomer(), text, { locale })), expected);
    });
  }
});
