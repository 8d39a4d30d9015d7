import assert from 'node:assert/strict';
import { VERBS } from '../../bot/card-actions.js';
import type { Locale } from '../../core/locale.js';
import { cardOf, messageActivity, postActivity } from '../support/activities.js';
import { openChats } from '../support/chats.js';
import { addDays, digestsByPerson, mondayAhead, osloAt } from '../support/digests.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { pressedButton } from './announcement-helpers.js';
import { nextReply, press, say, shown, type ChatPerson } from './chat-helpers.js';

/** What each language confirms, and the command that turns the digest on again. */
const SAID: Record<Locale, { off: RegExp; on: string; onSaid: RegExp; offCommand: string }> = {
  nb: { off: /Du får ikke flere ukesammendrag\. Skriv «sammendrag på»/, on: 'sammendrag på', onSaid: /^Ukesammendraget er på\. Du får det hver mandag kl\. 08:00\. Skriv «sammendrag av»/, offCommand: 'Sammendrag av!' },
  nn: { off: /Du får ikkje fleire vekesamandrag\. Skriv «samandrag på»/, on: 'samandrag på', onSaid: /^Vekesamandraget er på\. Du får det kvar måndag kl\. 08:00\./, offCommand: 'samandrag av' },
  sv: { off: /Du får inga fler veckosammanfattningar\. Skriv ”sammanfattning på”/, on: 'sammanfattning på', onSaid: /^Veckosammanfattningen är på\. Du får den varje måndag kl\. 08:00\./, offCommand: 'sammanfattning av' },
  en: { off: /You will get no more weekly digests\. Write \\?"digest on\\?"/, on: 'digest on', onSaid: /^The weekly digest is on\. You get it every Monday at 08:00\./, offCommand: 'digest off' },
};

/** The heading of the card that replaces the digest after "turn off". */
const TITLE: Record<Locale, RegExp> = { nb: /Ukesammendraget er slått av/, nn: /Vekesamandraget er slått av/, sv: /Veckosammanfattningen är avstängd/, en: /The weekly digest is turned off/ };

/** The lead presses and writes in their chat, over the Bot Framework protocol, after real digests were sent. */
describe('bot: a unit lead turns the digest off and on again', function () {
  this.timeout(90_000);
  let stack: TestStack;
  let tenantId: string;
  const leads = new Map<Locale, ChatPerson>();
  let notLead: ChatPerson;
  const monday = mondayAhead();
  let week = 0;
  /** Next Monday's 08:00 pass (a new ISO week each time). */
  const nextPass = () => stack.app.digests.runDue(osloAt(addDays(monday, 7 * week++), '08:00'));
  const enabled = async (who: ChatPerson) =>
    (await stack.database.db.selectFrom('digest_preferences').select('enabled').where('tenant_id', '=', tenantId).where('aad_object_id', '=', who.id).executeTakeFirst())?.enabled;
  const digests = (who: ChatPerson) => digestsByPerson(stack).get(who.id) ?? [];

  before(async () => {
    stack = await startTestStack({ staff: 60, ingestAdoption: true });
    tenantId = stack.sim.tenantId;
    const people = await stack.database.db.selectFrom('people').select(['aad_object_id', 'display_name']).where('tenant_id', '=', tenantId).orderBy('aad_object_id').limit(5).execute();
    const persons = people.map((p) => ({ id: p.aad_object_id, displayName: p.display_name ?? 'Leder' }));
    for (const [i, locale] of (['nb', 'nn', 'sv', 'en'] as const).entries()) {
      const who = persons[i]!;
      leads.set(locale, who);
      await stack.directory.setPreferredLocale(tenantId, who.id, locale);
      const token = await stack.sim.issueUserToken(who.id, { roles: ['UnitLead'] });
      assert.equal((await fetch(`${stack.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status, 200);
    }
    notLead = persons[4]!;
    await openChats(stack, persons.map((p) => p.id));
    await nextPass();
    for (const who of leads.values()) assert.equal(digests(who).length, 1, 'each lead has this week’s digest');
  });
  after(() => stack?.close());

  it('"Turn off the digest" turns it off, and the card says so in the lead’s language with how to turn it on', async () => {
    for (const [locale, who] of leads) {
      const card = cardOf(digests(who)[0]!.activity) as { actions: Array<{ verb?: string; data?: unknown }> };
      const button = card.actions.find((a) => a.verb === VERBS.digestOff);
      // Their Teams client is in another language; the one they chose wins.
      const answer = await press(stack, who, pressedButton(button), locale === 'nb' ? 'sv-SE' : 'nb-NO');
      assert.equal(answer.status, 200);
      assert.equal(answer.body.type, 'application/vnd.microsoft.card.adaptive');
      assert.equal((answer.body.value as { lang?: string }).lang, locale);
      assert.match(answer.text, TITLE[locale], locale);
      assert.match(answer.text, SAID[locale].off, locale);
      assert.equal(await enabled(who), false, locale);
    }
    await nextPass();
    for (const who of leads.values()) assert.equal(digests(who).length, 1, 'no digest the week after');
  });

  it('writing the command turns it on again, confirmed with the day and time; the off command turns it off', async () => {
    for (const [locale, who] of leads) {
      const reply = await say(stack, who, SAID[locale].on, { locale: 'en-US' });
      assert.match(shown(reply), SAID[locale].onSaid, locale);
      assert.equal(await enabled(who), true, locale);
    }
    await nextPass();
    for (const who of leads.values()) assert.equal(digests(who).length, 2, 'the digest comes again');

    for (const [locale, who] of leads) {
      const reply = await say(stack, who, SAID[locale].offCommand);
      assert.match(shown(reply), SAID[locale].off, locale);
      assert.equal(await enabled(who), false, locale);
    }
  });

  it('takes the Action.Submit fallback of older clients the same way, answering with a new card', async () => {
    const who = leads.get('nn')!;
    await say(stack, who, 'samandrag på');
    const sentBefore = stack.sim.connector.activities.length;
    const response = await postActivity(stack, messageActivity(stack, who, '', { text: undefined, value: { verb: VERBS.digestOff } }));
    assert.equal(response.status, 200);
    assert.match(shown(await nextReply(stack, who, sentBefore)), SAID.nn.off);
    assert.equal(await enabled(who), false);
  });

  it('tells someone who is not known as a unit lead what the digest is for, and stores nothing', async () => {
    const reply = await say(stack, notLead, 'sammendrag på');
    assert.match(shown(reply), /Ukesammendraget er for enhetsledere/);
    assert.equal(await enabled(notLead), undefined);
    const pressed = await press(stack, notLead, { action: { type: 'Action.Execute', verb: VERBS.digestOff, data: {} }, trigger: 'manual' });
    assert.match(pressed.text, /Det gikk ikke/);
    // Damaged data on the button: refused, the digest stays as it was.
    const lead = leads.get('nb')!;
    await say(stack, lead, 'sammendrag på');
    const damaged = await press(stack, lead, { action: { type: 'Action.Execute', verb: VERBS.digestOff, data: { aadObjectId: notLead.id } }, trigger: 'manual' });
    assert.match(damaged.text, /Det gikk ikke/);
    assert.equal(await enabled(lead), true);
  });
});
