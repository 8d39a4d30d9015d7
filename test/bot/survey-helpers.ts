import { randomUUID } from 'node:crypto';
import { localClock } from '../../core/messaging-settings.js';
import type { SurveyDefinition, LocalizedText } from '../../core/survey.js';
import type { Audience, SurveyPrompt, SurveySchedule } from '../../core/survey-store.js';
import { cardOf } from '../support/activities.js';
import type { TestStack } from '../support/stack.js';
import { chatOf } from './chat-helpers.js';

const chatIdOf = (aadObjectId: string) => chatOf({ id: aadObjectId, displayName: '' });

const say = (nb: string, nn: string, sv: string, en: string): LocalizedText => ({ nb, nn, sv, en });

/** A survey with one question of every kind, short enough to answer in a test. */
export const everyKind: SurveyDefinition = {
  title: say('Ukepuls', 'Vekepuls', 'Veckopuls', 'Weekly pulse'),
  intro: say('Tre minutter om uka di.', 'Tre minutt om veka di.', 'Tre minuter om din vecka.', 'Three minutes about your week.'),
  questions: [
    { id: 'workload', kind: 'likert', required: true, text: say('Arbeidsmengden er til å leve med.', 'Arbeidsmengda er til å leve med.', 'Arbetsbelastningen är rimlig.', 'My workload is manageable.') },
    { id: 'recommend', kind: 'enps', required: true, text: say('Vil du anbefale arbeidsplassen?', 'Vil du tilrå arbeidsplassen?', 'Skulle du rekommendera arbetsplatsen?', 'Would you recommend your workplace?') },
    {
      id: 'channel',
      kind: 'single',
      required: true,
      text: say('Hvor leser du nyheter?', 'Kvar les du nyheiter?', 'Var läser du nyheter?', 'Where do you read news?'),
      options: [
        { id: 'teams', text: say('Teams', 'Teams', 'Teams', 'Teams') },
        { id: 'email', text: say('E-post', 'E-post', 'Mejl', 'Email') },
        { id: 'intranet', text: say('Intranettet', 'Intranettet', 'Intranätet', 'The intranet') },
      ],
    },
    {
      id: 'tools',
      kind: 'multiple',
      required: false,
      text: say('Hvilke verktøy brukte du?', 'Kva verktøy brukte du?', 'Vilka verktyg använde du?', 'Which tools did you use?'),
      options: [
        { id: 'chat', text: say('Chat', 'Chat', 'Chatt', 'Chat') },
        { id: 'meetings', text: say('Møter', 'Møte', 'Möten', 'Meetings') },
        { id: 'engage', text: say('Viva Engage', 'Viva Engage', 'Viva Engage', 'Viva Engage') },
      ],
    },
    { id: 'comment', kind: 'text', required: false, maxLength: 50, text: say('Noe mer?', 'Noko meir?', 'Något mer?', 'Anything else?') },
  ],
};

/** A prompt for a round of `definition` (an id as the store gives them). */
export function promptOf(definition: SurveyDefinition, extra: Partial<SurveyPrompt> = {}): SurveyPrompt {
  return { surveyId: '6d1f6f57-5a2b-4c47-9d8e-0d3a6c1b2e11', roundId: '0b8e2f4c-2c57-4f7a-a8a3-5d6c7e8f9a01', definition, closesOn: '2025-03-14', reminder: false, ...extra };
}

/** Every element and action of a card (nested containers, show-card actions and fallbacks included). */
export function allParts(card: unknown): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const part = value as Record<string, unknown>;
    if (typeof part.type === 'string') found.push(part);
    for (const key of ['body', 'items', 'actions', 'card', 'fallback', 'inlines', 'columns']) if (key in part) visit(part[key]);
  };
  visit(card);
  return found;
}

/** The inputs of a card. */
export const inputsOf = (card: unknown) => allParts(card).filter((p) => String(p.type).startsWith('Input.'));
/** The buttons of a card, in order (not their fallbacks). */
export const buttonsOf = (card: { actions?: unknown[] } | undefined) => (card?.actions ?? []) as Array<Record<string, unknown> & { title: string; verb?: string; data?: Record<string, unknown> }>;

/**
 * The first moment from `from` on that is a weekday between 09:00 and 16:00 in Oslo: when the
 * default quiet hours let prompts go out, so a dispatch pass at that moment sends them.
 */
export function workingHourFrom(from: Date): Date {
  let at = new Date(from);
  for (let i = 0; i < 24 * 8; i++) {
    const { minutes, weekday } = localClock(at, 'Europe/Oslo');
    if (weekday >= 1 && weekday <= 5 && minutes >= 9 * 60 && minutes < 16 * 60) return at;
    at = new Date(Math.ceil((at.getTime() + 1) / HOUR) * HOUR);
  }
  throw new Error('no working hour within a week');
}
const HOUR = 3600_000;

/**
 * Creates a survey that starts now and stays open ten days, and runs the dispatch pass at the next
 * working hour (`dayOffset` working days later, since nobody gets two prompts in a day): the prompts go to
 * everyone in the audience who has a chat with the bot. Returns the survey and its first round.
 */
export async function sendSurvey(
  stack: TestStack,
  request: { templateId?: string; definition?: SurveyDefinition; audience: Audience },
  options: { dayOffset?: number; author?: string } = {},
) {
  const now = new Date();
  const author = { aadObjectId: options.author ?? stack.sim.municipality.demoPersons.communicator.id, role: 'Communicator' as const };
  const schedule: SurveySchedule = { startsAt: new Date(now.getTime() - 60_000).toISOString(), openDays: 10, recurrence: { every: 'once' }, remindAfterDays: null };
  const survey = await stack.app.surveys.create(stack.sim.tenantId, { ...request, schedule }, author);
  // Counted in working days from the first working hour: from Friday afternoon, "a day later" on the
  // clock is Saturday, whose next working hour is the same Monday as today's, and nobody gets two prompts a day.
  let at = workingHourFrom(now);
  for (let day = 0; day < (options.dayOffset ?? 0); day++) at = workingHourFrom(new Date(at.getTime() + 24 * HOUR));
  const result = await stack.app.surveys.runDue(at);
  const [round] = await stack.app.surveys.store.listRounds(stack.sim.tenantId, survey.id);
  if (!round) throw new Error('The dispatch pass opened no round');
  return { survey, roundId: round.id, result };
}

/** The last survey card (or reminder) the bot sent to a person's chat for a round. */
export function surveyCardSent(stack: TestStack, aadObjectId: string, roundId: string) {
  const cards = stack.sim.connector.activities
    .filter((a) => a.conversationId === chatIdOf(aadObjectId))
    .map((a) => cardOf(a.activity))
    .filter((card) => card?.actions?.some((b) => b.verb === 'digipuls.survey.answer' && (b.data as { roundId?: string }).roundId === roundId));
  const card = cards.at(-1);
  if (!card) throw new Error(`No survey card reached ${aadObjectId}`);
  return card;
}

/** The invoke value Teams posts when a person presses `button` with these inputs filled in. */
export function pressed(button: { verb?: string; data?: unknown } | undefined, inputs: Record<string, unknown> = {}) {
  if (!button?.verb) throw new Error('No such button');
  return { action: { type: 'Action.Execute', id: randomUUID(), verb: button.verb, data: { ...(button.data as object), ...inputs } }, trigger: 'manual' };
}

/** A button of a card by its title. */
export function button(card: { actions?: unknown[] } | undefined, title: string) {
  const found = buttonsOf(card).find((b) => b.title === title);
  if (!found) throw new Error(`No button "${title}" on the card; it has ${buttonsOf(card).map((b) => b.title).join(', ')}`);
  return found;
}

/** How many answers a round holds, and how many invitations are marked answered. */
export async function storedFor(stack: TestStack, roundId: string) {
  const { store } = stack.app.surveys;
  const answers = await store.answers(stack.sim.tenantId, roundId);
  const participation = await store.participation(stack.sim.tenantId, roundId);
  return { answers: answers.length, answered: participation.reduce((sum, unit) => sum + unit.answered, 0) };
}
