import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { localDay } from '../../core/messaging-settings.js';
import type { SimPerson } from '../../sim/index.js';
import { cardText } from '../support/activities.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { newcomer, press, say, shown } from './chat-helpers.js';
import { button, everyKind, inputsOf, pressed, sendSurvey, storedFor, surveyCardSent } from './survey-helpers.js';

/** What a person who answers everything fills in on the card. */
const FULL = { 'q.workload': '4', 'q.recommend': '9', 'q.channel': 'email', 'q.tools': 'chat,engage', 'q.comment': 'Færre møter, takk' };

describe('bot: answering a pulse survey in chat', function () {
  this.timeout(60_000);
  let stack: TestStack;
  let staff: SimPerson[];
  let roundId: string;
  let next = 0;
  /** A person who got the survey and has not touched it yet. */
  const someone = () => staff[next++]!;
  const cardFor = (person: SimPerson) => surveyCardSent(stack, person.id, roundId);

  before(async () => {
    stack = await startTestStack({ env: { SURVEY_SEND_RATE: '50' } });
    const inDirectory = new Set((await stack.app.surveys.store.audiencePeople(stack.sim.tenantId, {})).map((p) => p.aadObjectId));
    staff = stack.sim.municipality.people.filter((p) => p.preferredLanguage === 'nb-NO' && inDirectory.has(p.id)).slice(0, 24);
    // They have the app: their first message gives the bot their chat.
    for (const person of staff) await say(stack, person, 'hjelp');
    ({ roundId } = await sendSurvey(stack, { definition: everyKind, audience: { kind: 'everyone' } }));
  });
  after(() => stack?.close());

  it('gets the survey as a card, answers it with Action.Execute and sees a thank-you card with the answers given', async () => {
    const person = someone();
    const card = cardFor(person);
    assert.equal(card.version, '1.5');
    assert.match(cardText(card), /Ukepuls.*Svarfrist/);
    const before = await storedFor(stack, roundId);

    const answer = await press(stack, person, pressed(button(card, 'Send svarene'), FULL));
    assert.equal(answer.status, 200);
    assert.equal(answer.body.statusCode, 200);
    assert.equal(answer.body.type, 'application/vnd.microsoft.card.adaptive');
    assert.match(answer.text, /Takk for svarene dine!/);
    assert.match(answer.text, /4 – Litt enig/);
    assert.match(answer.text, /E-post/);
    assert.match(answer.text, /Chat, Viva Engage/);
    assert.match(answer.text, /Færre møter, takk/);
    assert.deepEqual(await storedFor(stack, roundId), { answers: before.answers + 1, answered: before.answered + 1 });
    const stored = await stack.app.surveys.store.answers(stack.sim.tenantId, roundId);
    const expected = { workload: 4, recommend: 9, channel: 'email', tools: ['chat', 'engage'], comment: 'Færre møter, takk' };
    assert.ok(stored.some((s) => isDeepStrictEqual(s.answers, expected)), 'the answers are stored as parsed values');
  });

  it('refuses a second answer kindly, and stores nothing more', async () => {
    const person = someone();
    const card = cardFor(person);
    await press(stack, person, pressed(button(card, 'Send svarene'), FULL));
    const before = await storedFor(stack, roundId);
    const again = await press(stack, person, pressed(button(card, 'Send svarene'), { ...FULL, 'q.workload': '1' }));
    assert.equal(again.status, 200);
    assert.match(again.text, /Du har allerede svart.*«Ukepuls».*takk for det!/);
    assert.deepEqual(await storedFor(stack, roundId), before);
  });

  it('takes answers from older Teams clients (Action.Submit) and answers with a new message', async () => {
    const person = someone();
    const send = button(cardFor(person), 'Send svarene');
    const fallback = send.fallback as { type: string; data: Record<string, unknown> };
    assert.equal(fallback.type, 'Action.Submit');
    const before = await storedFor(stack, roundId);
    const reply = await say(stack, person, '', { text: undefined, value: { ...fallback.data, ...FULL, 'q.tools': undefined } });
    assert.match(shown(reply), /Takk for svarene dine!.*Ikke besvart/);
    assert.deepEqual(await storedFor(stack, roundId), { answers: before.answers + 1, answered: before.answered + 1 });
    const again = await say(stack, person, '', { text: undefined, value: { ...fallback.data, ...FULL } });
    assert.match(shown(again), /Du har allerede svart/);
  });

  it('lets a person on a phone answer one question at a time, go back, and send it all at the end', async () => {
    const person = someone();
    const before = await storedFor(stack, roundId);
    let step = await press(stack, person, pressed(button(cardFor(person), 'Ett spørsmål om gangen')));
    assert.match(step.text, /Spørsmål 1 av 5/);
    const fill: Array<[string, string]> = [['q.workload', '2'], ['q.recommend', '7'], ['q.channel', 'teams'], ['q.tools', 'meetings']];
    for (const [id, value] of fill) {
      assert.deepEqual(inputsOf(step.body.value).map((i) => i.id), [id]);
      step = await press(stack, person, pressed(button(step.body.value, 'Neste'), { [id]: value }));
    }
    assert.match(step.text, /Spørsmål 5 av 5/);
    assert.equal((await storedFor(stack, roundId)).answers, before.answers, 'nothing is stored before the last step');

    const back = await press(stack, person, pressed(button(step.body.value, 'Tilbake')));
    assert.match(back.text, /Spørsmål 4 av 5/);
    assert.equal(inputsOf(back.body.value)[0]!.value, 'meetings', 'the earlier answer is filled in');
    const last = await press(stack, person, pressed(button(back.body.value, 'Neste'), { 'q.tools': 'meetings,chat' }));
    const thanks = await press(stack, person, pressed(button(last.body.value, 'Send svarene'), { 'q.comment': 'Bra' }));
    assert.match(thanks.text, /Takk for svarene dine!/);
    assert.match(thanks.text, /2 – Litt uenig/);
    assert.match(thanks.text, /Chat, Møter/);
    assert.deepEqual(await storedFor(stack, roundId), { answers: before.answers + 1, answered: before.answered + 1 });
  });

  it('refuses tampered step data like any bad submission, and stores nothing', async () => {
    const person = someone();
    const start = button(cardFor(person), 'Ett spørsmål om gangen');
    const before = await storedFor(stack, roundId);
    const beyond = await press(stack, person, pressed({ ...start, data: { ...start.data, step: 7 } }));
    assert.match(beyond.text, /Det gikk ikke.*hvilket spørsmål.*Ingenting er lagret/);
    const badCarried = await press(stack, person, pressed({ ...start, data: { ...start.data, step: 2, 'q.workload': '3', 'q.recommend': '12' } }));
    assert.match(badCarried.text, /Svarene ble ikke sendt.*Spørsmål 2: Vil du anbefale.*utenfor skalaen/);
    const skipped = await press(stack, person, pressed({ ...start, data: { ...start.data, step: 3, 'q.workload': '3', 'q.channel': 'teams' } }));
    assert.match(skipped.text, /Spørsmål 2: Vil du anbefale.*Dette spørsmålet må besvares/);
    const notANumber = await press(stack, person, pressed({ ...start, data: { ...start.data, step: '1' } }));
    assert.match(notANumber.text, /Ingenting er lagret/);
    assert.deepEqual(await storedFor(stack, roundId), before);
  });

  it('shows the privacy notice from the card, and brings the survey back', async () => {
    const person = someone();
    const notice = await press(stack, person, pressed(button(cardFor(person), 'Hva skjer med svarene mine?')));
    assert.match(notice.text, /Hva skjer med svarene mine\?/);
    assert.match(notice.text, /ingenting kobler dem sammen/);
    assert.match(notice.text, /minst 5 personer/);
    const back = await press(stack, person, pressed(button(notice.body.value, 'Tilbake til pulsmålingen')));
    assert.deepEqual(inputsOf(back.body.value).map((i) => i.id), ['q.workload', 'q.recommend', 'q.channel', 'q.tools', 'q.comment']);
    const thanks = await press(stack, person, pressed(button(back.body.value, 'Send svarene'), FULL));
    assert.match(thanks.text, /Takk for svarene dine!/);
  });

  it('answers "hva skjer med svarene mine" typed in chat with the same notice', async () => {
    const reply = await say(stack, staff[0]!, 'Hva skjer med svarene mine?');
    assert.match(shown(reply), /Hva skjer med svarene mine\?.*Bare dagen du svarte lagres, ikke klokkeslettet/);
    assert.match(shown(await say(stack, newcomer(), 'Vad händer med mina svar?', { locale: 'en-US' })), /Vad händer med mina svar\?/);
  });

  it('tells someone the survey was not sent to, and stores nothing', async () => {
    const card = cardFor(staff[0]!);
    const before = await storedFor(stack, roundId);
    const answer = await press(stack, newcomer(), pressed(button(card, 'Send svarene'), FULL));
    assert.match(answer.text, /Denne pulsmålingen ble ikke sendt til deg.*Ingenting er lagret/);
    assert.deepEqual(await storedFor(stack, roundId), before);
  });

  describe('bad submissions get an error card per question, and nothing is stored', () => {
    /** Sends `inputs` on a fresh person's card; checks nothing was stored and the person can still answer. */
    async function refused(inputs: Record<string, unknown>, data?: (d: Record<string, unknown>) => Record<string, unknown>) {
      const person = someone();
      const send = button(cardFor(person), 'Send svarene');
      const before = await storedFor(stack, roundId);
      const answer = await press(stack, person, pressed({ ...send, data: data ? data(send.data!) : send.data }, inputs));
      assert.equal(answer.status, 200);
      assert.equal(answer.body.type, 'application/vnd.microsoft.card.adaptive');
      assert.deepEqual(await storedFor(stack, roundId), before, 'nothing was stored');
      // Still theirs to answer: the refusal used up nothing.
      assert.match((await press(stack, person, pressed(send, FULL))).text, /Takk for svarene dine!/);
      return answer;
    }

    it('wrong type', async () => {
      const answer = await refused({ ...FULL, 'q.workload': { value: 4 } });
      assert.match(answer.text, /Svarene ble ikke sendt.*ingenting er lagret.*Spørsmål 1: Arbeidsmengden er til å leve med\..*Svaret har feil form/);
      assert.doesNotMatch(answer.text, /Spørsmål 2/, 'only the question with a problem is named');
    });

    it('a value outside the scale', async () => {
      const answer = await refused({ ...FULL, 'q.recommend': '11', 'q.workload': '0' });
      assert.match(answer.text, /Spørsmål 1: .*utenfor skalaen.*Spørsmål 2: .*utenfor skalaen/);
    });

    it('an option the question does not have', async () => {
      const answer = await refused({ ...FULL, 'q.channel': 'fax', 'q.tools': 'chat,telex' });
      assert.match(answer.text, /Spørsmål 3: Hvor leser du nyheter\?.*ikke et av alternativene.*Spørsmål 4: .*ikke et av alternativene/);
    });

    it('an answer to a question the survey does not ask', async () => {
      const answer = await refused({ ...FULL, 'q.salary': '100000', workload: '5' });
      assert.match(answer.text, /Denne pulsmålingen har ikke noe slikt spørsmål/);
      assert.doesNotMatch(answer.text, /salary|100000/, 'the tampered key is not echoed');
    });

    it('a required question left out', async () => {
      const { 'q.workload': _left, ...rest } = FULL;
      const answer = await refused({ ...rest, 'q.recommend': '' });
      assert.match(answer.text, /Spørsmål 1: .*Dette spørsmålet må besvares.*Spørsmål 2: .*Dette spørsmålet må besvares/);
    });

    it('a text longer than allowed', async () => {
      const answer = await refused({ ...FULL, 'q.comment': 'x'.repeat(51) });
      assert.match(answer.text, /Spørsmål 5: Noe mer\?.*Svaret er for langt\. Skriv høyst 50 tegn/);
    });

    it('a round id that is no round (tampered), or not even an id', async () => {
      const unknown = await refused(FULL, (d) => ({ ...d, roundId: randomUUID() }));
      assert.match(unknown.text, /Jeg finner ikke denne pulsmålingen.*Ingenting er lagret/);
      const garbage = await refused(FULL, (d) => ({ ...d, roundId: "' or 1=1 --" }));
      assert.match(garbage.text, /Jeg finner ikke denne pulsmålingen/);
    });

    it('no round id at all', async () => {
      const answer = await refused(FULL, ({ roundId: _roundId, ...d }) => d);
      assert.match(answer.text, /Kortet mangler opplysninger om hvilken pulsmåling.*Ingenting er lagret/);
    });

    it('"Answer again" brings the survey back with the valid answers filled in', async () => {
      const person = someone();
      const problems = await press(stack, person, pressed(button(cardFor(person), 'Send svarene'), { ...FULL, 'q.recommend': '42' }));
      const again = await press(stack, person, pressed(button(problems.body.value, 'Svar på nytt')));
      const values = Object.fromEntries(inputsOf(again.body.value).map((i) => [i.id, i.value]));
      assert.deepEqual(values, { ...FULL, 'q.recommend': undefined });
      assert.match((await press(stack, person, pressed(button(again.body.value, 'Send svarene'), { ...FULL, 'q.recommend': '8' }))).text, /Takk for svarene dine!/);
    });
  });

  it('says the survey has closed, with the day, when someone answers after it closed', async () => {
    const { survey, roundId: closing } = await sendSurvey(stack, { definition: everyKind, audience: { kind: 'everyone' } }, { dayOffset: 1 });
    const person = staff.at(-1)!;
    const card = surveyCardSent(stack, person.id, closing);
    await stack.app.surveys.close(stack.sim.tenantId, survey.id);
    const before = await storedFor(stack, closing);
    const answer = await press(stack, person, pressed(button(card, 'Send svarene'), FULL));
    const day = localDay(new Date(), 'Europe/Oslo');
    const [, month, date] = day.split('-').map(Number);
    const months = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
    assert.match(answer.text, new RegExp(`Pulsmålingen er avsluttet.*«Ukepuls» ble avsluttet ${date}\\. ${months[month! - 1]}`));
    assert.deepEqual(await storedFor(stack, closing), before);
    const step = await press(stack, person, pressed(button(card, 'Ett spørsmål om gangen')));
    assert.match(step.text, /Pulsmålingen er avsluttet/, 'one at a time is refused at once, not after the last question');
  });
});
