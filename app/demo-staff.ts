import type { Logger } from 'pino';
import { VERBS } from '../bot/card-actions.js';
import { parseAnswers } from '../core/survey-answers.js';
import type { Answers, SurveyDefinition } from '../core/survey.js';
import type { RecordedActivity, SimPerson, Simulator } from '../sim/index.js';
import { simulatedResponse } from '../sim/index.js';
import { seededRandom } from '../sim/random.js';
import type { Digipuls } from './start.js';
import { createSurveyService, type SurveyService } from './surveys/survey-service.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The 1:1 chat id the demo gives a person (the simulator's Bot Connector takes any). */
const chatIdOf = (aadObjectId: string) => `a:chat-${aadObjectId}`;

/**
 * Gives staff a 1:1 chat with the bot, as installing the app for everyone would: the bot gets a
 * conversation reference for each, pointing at the simulator's Bot Connector. Not the demo people:
 * theirs comes from the Agents Playground when someone opens it as them.
 */
export async function openStaffChats(app: Digipuls, sim: Simulator): Promise<number> {
  const demo = new Set(Object.values(sim.municipality.demoPersons).map((p) => p.id));
  let opened = 0;
  for (const person of sim.municipality.people) {
    if (!person.accountEnabled || demo.has(person.id)) continue;
    await app.directory.saveChatContact(sim.tenantId, {
      aadObjectId: person.id,
      conversationReference: {
        channelId: 'msteams',
        serviceUrl: `${sim.url}/`,
        user: { id: `29:${person.id}`, aadObjectId: person.id },
        bot: { id: `28:${sim.app.clientId}`, name: 'Digipuls' },
        conversation: { id: chatIdOf(person.id), conversationType: 'personal', tenantId: sim.tenantId },
      },
    });
    opened++;
  }
  return opened;
}

interface PlannedAnswer {
  at: number;
  tenantId: string;
  roundId: string;
  aadObjectId: string;
  answers: Answers;
  done: boolean;
}

/**
 * The simulated staff at their phones: after each dispatch pass they read the cards that reached
 * their chats, and those who answer (sim/survey-respondents.ts) do so at a plausible time inside the
 * round, through the same parseAnswers and recordAnswers the bot uses. Most answer within hours,
 * some days later; a reminder brings many of the late ones in.
 */
export function simulatedStaff(app: Digipuls, sim: Simulator, options: { seed: string; asOf: string; logger: Logger }) {
  const dispatch = historyDispatch(app, new Set(Object.values(sim.municipality.demoPersons).map((p) => p.id)), options.logger);
  const people = new Map<string, SimPerson>(sim.municipality.people.map((p) => [p.id, p]));
  const rounds = new Map<string, Promise<{ definition: SurveyDefinition; number: number; closesAt: number }>>();
  const planned = new Map<string, PlannedAnswer | null>();
  let queue: PlannedAnswer[] = [];
  const random = seededRandom(`${options.seed}:demo-answer-times`);
  const between = (from: number, to: number) => from + random.next() * Math.max(0, to - from);
  const counts = { prompts: 0, answers: 0, followUps: 0 };

  const roundOf = (tenantId: string, roundId: string) => {
    let round = rounds.get(roundId);
    if (!round) {
      round = app.surveys.store.findRound(tenantId, roundId).then((found) => {
        if (!found) throw new Error(`A card names round ${roundId}, which does not exist`);
        return { definition: found.survey.definition, number: found.round.number, closesAt: found.round.closesAt.getTime() };
      });
      rounds.set(roundId, round);
    }
    return round;
  };

  /** When someone who answers does so, after their prompt at `at`: mostly soon, some a day or more later. */
  const answerTime = (at: number, closesAt: number) => {
    const u = random.next();
    const delay = u < 0.5 ? between(5 * MINUTE, 3 * HOUR) : u < 0.8 ? between(3 * HOUR, 30 * HOUR) : between(30 * HOUR, closesAt - at);
    // Nobody plans to miss the end: a late one answers in the round's last hours (or as soon as they can).
    return Math.max(at + between(2 * MINUTE, 10 * MINUTE), Math.min(at + delay, closesAt - between(10 * MINUTE, 12 * HOUR)));
  };

  const read = async (activity: RecordedActivity, at: number) => {
    const roundId = answerRoundOf(activity.activity);
    const person = people.get(activity.conversationId.replace(/^a:chat-/, ''));
    if (!roundId || !person) return;
    const tenantId = sim.tenantId;
    const key = `${person.id}|${roundId}`;
    if (planned.has(key)) {
      // A reminder: many who meant to answer later do it now.
      const plan = planned.get(key);
      if (plan && !plan.done && plan.at > at + 3 * HOUR && random.chance(0.7)) plan.at = at + between(5 * MINUTE, 5 * HOUR);
      return;
    }
    const round = await roundOf(tenantId, roundId);
    const response = simulatedResponse(round.definition, person, options.seed, round.number, { asOf: options.asOf });
    if (!response) return void planned.set(key, null);
    const parsed = parseAnswers(round.definition, response.answers);
    if (!parsed.ok) throw new Error(`The simulated answers do not fit the survey: ${JSON.stringify(parsed.problems)}`);
    const plan = { at: answerTime(at, round.closesAt), tenantId, roundId, aadObjectId: person.id, answers: parsed.answers, done: false };
    planned.set(key, plan);
    queue.push(plan);
  };

  return {
    counts,
    /** One dispatch pass at `at`, as the job would run it then; staff read what it sent. */
    async pass(at: Date): Promise<void> {
      const from = sim.connector.activities.length;
      const result = await dispatch.runDue(at, { sendRate: 500 });
      counts.prompts += result.prompted + result.reminded;
      counts.followUps += result.followUps;
      const arrived = sim.connector.activities.slice(from);
      // Each card is read once, here; nothing else reads the demo simulator's record, so it need not grow.
      sim.connector.clear();
      for (const activity of arrived) await read(activity, at.getTime());
    },
    /** Records, in time order, the answers given up to `until`. */
    async answerUntil(until: Date): Promise<void> {
      const due = queue.filter((p) => p.at <= until.getTime()).sort((a, b) => a.at - b.at);
      for (const plan of due) {
        const outcome = await app.surveys.store.recordAnswers({ tenantId: plan.tenantId, roundId: plan.roundId, aadObjectId: plan.aadObjectId, answers: plan.answers, now: new Date(plan.at) });
        plan.done = true;
        if (outcome.status === 'recorded') counts.answers++;
      }
      queue = queue.filter((p) => !p.done);
    },
  };
}

/**
 * The survey service for passes in the past: the same dispatch over the same tables, except that it
 * leaves the demo people's prompts to the live job. Someone who opens the Playground as Amina Ali
 * while the history is written would otherwise get the weekly pulse of three weeks ago, closed since.
 */
function historyDispatch(app: Digipuls, demoPeople: ReadonlySet<string>, logger: Logger): SurveyService {
  const store = app.surveys.store;
  return createSurveyService({
    config: app.config,
    directory: app.directory,
    cards: app.surveys.cards,
    send: () => (reference, card) => app.server.bot.sendProactive(reference, card as Parameters<Digipuls['server']['bot']['sendProactive']>[1]),
    logger,
    store: {
      ...store,
      async claimPrompts(tenantId, kind, input) {
        const claimed = await store.claimPrompts(tenantId, kind, input);
        // Handed back as not sent: still pending, and the day still theirs.
        for (const message of claimed) if (demoPeople.has(message.aadObjectId)) await store.finishPrompt(message, kind, 'retry', input.day);
        return claimed.filter((message) => !demoPeople.has(message.aadObjectId));
      },
    },
  });
}

/** The round a card's answer button sends to (Action.Execute with the verb digipuls.survey.answer), if it has one. */
export function answerRoundOf(activity: Record<string, unknown>): string | undefined {
  const visit = (node: unknown): string | undefined => {
    if (!node || typeof node !== 'object') return undefined;
    const element = node as { verb?: unknown; data?: { roundId?: unknown } };
    if (element.verb === VERBS.surveyAnswer && typeof element.data?.roundId === 'string') return element.data.roundId;
    for (const value of Object.values(node)) {
      const found = visit(value);
      if (found) return found;
    }
    return undefined;
  };
  return visit(activity.attachments);
}
