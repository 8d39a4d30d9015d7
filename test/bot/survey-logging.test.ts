import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import restify from 'restify';
import { registerBotRoutes } from '../../bot/routes.js';
import { MemoryReachStore } from '../support/memory-reach-store.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { press, say } from './chat-helpers.js';
import { button, everyKind, pressed, sendSurvey, surveyCardSent } from './survey-helpers.js';

describe('bot: what the log says about survey answers', function () {
  this.timeout(60_000);
  let stack: TestStack;
  let bare: restify.Server;
  let url: string;
  const lines: string[] = [];

  before(async () => {
    stack = await startTestStack();
    // The same bot routes over the real survey store, logging everything (trace) into memory.
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    bare = restify.createServer({ handleUncaughtExceptions: false });
    registerBotRoutes(bare, { config: stack.config, directory: stack.directory, surveys: stack.app.surveys.store, reach: new MemoryReachStore(), logger: pino({ level: 'trace' }, sink) });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => bare?.close(() => resolve()));
    await stack?.close();
  });

  it('never holds an answer, and never a person next to the survey they answered', async () => {
    const people = stack.sim.municipality.people.filter((p) => p.accountEnabled && p.department && p.preferredLanguage === 'nb-NO').slice(0, 3);
    for (const person of people) await say(stack, person, 'hjelp');
    const { survey, roundId } = await sendSurvey(stack, { definition: everyKind, audience: { kind: 'everyone' } });
    const viaBare = { ...stack, url };
    const secret = 'Sjefen min heter Ola og er sur';
    const [first, second, third] = people as [typeof people[0], typeof people[0], typeof people[0]];
    const send = (person: typeof first) => button(surveyCardSent(stack, person.id, roundId), 'Send svarene');
    const answers = { 'q.workload': '5', 'q.recommend': '3', 'q.channel': 'intranet', 'q.comment': secret };

    assert.match((await press(viaBare, first, pressed(send(first), answers))).text, /Takk for svarene dine/);
    assert.match((await press(viaBare, first, pressed(send(first), answers))).text, /allerede svart/);
    assert.match((await press(viaBare, second, pressed(send(second), { ...answers, 'q.recommend': '99', 'q.comment': 'x'.repeat(60) }))).text, /Svarene ble ikke sendt/);
    assert.match((await press(viaBare, third, pressed({ ...send(third), data: { verb: 'digipuls.survey.answer' } }, answers))).text, /Ingenting er lagret/);

    const log = lines.join('');
    assert.ok(lines.length > 0, 'refusals are logged');
    assert.doesNotMatch(log, /Sjefen min|xxxxxxxxxx|"99"|intranet/, 'no answer in the log');
    for (const line of lines) {
      const names = [first, second, third].some((p) => line.includes(p.id) || line.includes(p.displayName));
      const says = line.includes(roundId) || line.includes(survey.id);
      assert.ok(!(names && says), `a log line ties a person to the survey: ${line}`);
    }
  });
});
