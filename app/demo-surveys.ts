import type { Logger } from 'pino';
import { isQuietTime, localClock } from '../core/messaging-settings.js';
import type { LocalizedText } from '../core/survey.js';
import type { Simulator } from '../sim/index.js';
import { addDays, isWeekday, wallClock } from './demo-clock.js';
import { openStaffChats, simulatedStaff } from './demo-staff.js';
import type { Digipuls } from './start.js';
import { registerSurveyJobs, SURVEY_DISPATCH_QUEUE } from './surveys/survey-jobs.js';

const NINE = 9 * 60;

/** What the survey history left in the demo. */
export interface SurveyHistory {
  chats: number;
  surveys: number;
  rounds: number;
  prompts: number;
  answers: number;
  followUps: number;
  seconds: number;
}

/** The "you said, we did" the communicator wrote after the weekly pulse's second round. */
const FOLLOW_UP: LocalizedText = {
  nb: 'Dere sa at informasjonen ikke alltid når fram, særlig til dere som jobber turnus. Nå legger vi ukeskrivet ut både i Teams og på papir på vaktrommet, og lederne går gjennom det på morgenmøtet hver mandag.',
  nn: 'De sa at informasjonen ikkje alltid når fram, særleg til dykk som jobbar turnus. No legg vi ut vekeskrivet både i Teams og på papir på vaktrommet, og leiarane går gjennom det på morgonmøtet kvar måndag.',
  sv: 'Ni sa att informationen inte alltid når fram, särskilt till er som arbetar schema. Nu lägger vi ut veckobrevet både i Teams och på papper i personalrummet, och cheferna går igenom det på morgonmötet varje måndag.',
  en: 'You said that information does not always reach you, especially those of you who work shifts. We now post the weekly letter both in Teams and on paper in the staff room, and leaders go through it at the Monday morning meeting.',
};

/** Whether the tenant has surveys from an earlier run of the demo (its data folder is kept). */
export async function hasSurveys(app: Digipuls, tenantId: string): Promise<boolean> {
  return (await app.surveys.store.listSurveys(tenantId)).length > 0;
}

/**
 * Surveys with results, built through the real service in the background: staff get their chats,
 * then "Digitalt arbeidsmiljø" goes to everyone (opened about ten days ago, open for 14 days, a
 * reminder after 7), and a weekly pulse to Helse og omsorg has four closed rounds and one open now,
 * with a "you said, we did" on round 2. Rounds open on weekdays at 09:00 in the tenant's time zone,
 * and the dispatch pass runs every weekday morning with the clock set to then, as the job would have.
 */
export async function loadSurveyHistory(app: Digipuls, sim: Simulator, options: { seed: string; reportDate: string; logger: Logger; now?: Date }): Promise<SurveyHistory> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const { tenantId } = sim;
  const chats = await openStaffChats(app, sim);
  const { timeZone } = await app.surveys.store.messagingSettings(tenantId);
  const at = (day: string, minutes: number) => wallClock(day, minutes, timeZone);
  const today = localClock(now, timeZone).day;
  let digitalDay = addDays(today, -10);
  while (!isWeekday(digitalDay)) digitalDay = addDays(digitalDay, -1);
  // The latest weekday 09:00 that has passed: that round is open now (3 days cover a weekend).
  let pulseDay = today;
  while (!isWeekday(pulseDay) || at(pulseDay, NINE) > now) pulseDay = addDays(pulseDay, -1);
  const firstPulseDay = addDays(pulseDay, -28);

  const health = (await app.directory.listUnits(tenantId)).find((u) => u.path.length === 1 && u.path[0] === 'Helse og omsorg');
  if (!health) throw new Error('The demo municipality has no unit "Helse og omsorg"');
  const communicator = sim.municipality.demoPersons.communicator;
  const author = { aadObjectId: communicator.id, role: 'Communicator' as const };

  // The every-minute job works with the real clock; while the past is written with another, it rests.
  await app.database.jobs.offWork(SURVEY_DISPATCH_QUEUE);
  let history: SurveyHistory;
  try {
    const pulse = await app.surveys.create(
      tenantId,
      {
        templateId: 'weekly-pulse',
        audience: { kind: 'units', unitIds: [health.id] },
        schedule: { startsAt: at(firstPulseDay, NINE).toISOString(), openDays: 3, recurrence: { every: 'week', until: addDays(pulseDay, 8 * 7) }, remindAfterDays: null },
      },
      author,
    );
    await app.surveys.create(
      tenantId,
      {
        templateId: 'digital-work-environment',
        audience: { kind: 'everyone' },
        schedule: { startsAt: at(digitalDay, NINE).toISOString(), openDays: 14, recurrence: { every: 'once' }, remindAfterDays: 7 },
      },
      author,
    );

    const staff = simulatedStaff(app, sim, { seed: options.seed, asOf: options.reportDate, logger: options.logger });
    let followUpWritten = false;
    for (let day = firstPulseDay; day <= today; day = addDays(day, 1)) {
      if (!isWeekday(day) || at(day, NINE) > now) continue;
      // Just after the rounds open; today, if that is still to come, now.
      const morning = new Date(Math.min(at(day, NINE + 1).getTime(), now.getTime()));
      await staff.answerUntil(morning);
      if (!followUpWritten) followUpWritten = await followUpRoundTwo(app, pulse.id, tenantId, communicator, morning, timeZone);
      await staff.pass(morning);
    }
    await staff.answerUntil(now);
    await app.surveys.store.sealAnswers();
    const rounds = (await app.surveys.store.listRounds(tenantId, pulse.id)).length + 1;
    history = { chats, surveys: 2, rounds, ...staff.counts, seconds: 0 };
  } finally {
    await registerSurveyJobs(app.database, app.surveys, app.config.surveys.dispatchCron, options.logger);
  }
  // The job's pass, now: whoever opened the Playground meanwhile need not wait for the next minute.
  await app.surveys.runDue(options.now);
  return { ...history, seconds: (Date.now() - started) / 1000 };
}

/**
 * Writes the follow-up on the pulse's second round the weekday after it closed, at 10:00, once that
 * time is before `before`; the next pass sends it to the round's audience. True once written.
 */
async function followUpRoundTwo(app: Digipuls, surveyId: string, tenantId: string, writer: { id: string; displayName: string }, before: Date, timeZone: string): Promise<boolean> {
  const round = (await app.surveys.store.listRounds(tenantId, surveyId)).find((r) => r.number === 2);
  if (!round?.closedAt) return false;
  let day = addDays(localClock(round.closedAt, timeZone).day, 1);
  while (!isWeekday(day)) day = addDays(day, 1);
  const writtenAt = wallClock(day, 10 * 60, timeZone);
  if (writtenAt > before) return false;
  await app.surveys.followUp(tenantId, surveyId, round.id, FOLLOW_UP, { aadObjectId: writer.id, role: 'Communicator', name: writer.displayName }, writtenAt);
  return true;
}

/**
 * Keeps the open survey able to reach the person at the keyboard: when it is quiet time in the
 * tenant's zone now or within the hour, quiet hours are turned off for the demo tenant (staff in a
 * real tenant would get the prompt in the morning). Returns the line the demo prints about it.
 */
export async function quietHoursForDemo(app: Digipuls, tenantId: string, now = new Date()): Promise<string> {
  const settings = await app.surveys.store.messagingSettings(tenantId);
  const { quietHours, timeZone, weekendsQuiet } = settings;
  const clock = localClock(now, timeZone);
  const time = `${String(Math.floor(clock.minutes / 60)).padStart(2, '0')}:${String(clock.minutes % 60).padStart(2, '0')}`;
  const quiet = quietHours.start === quietHours.end ? 'none' : `${quietHours.start}–${quietHours.end}${weekendsQuiet ? ' and weekends' : ''}`;
  if (!isQuietTime(now, settings) && !isQuietTime(new Date(now.getTime() + 3_600_000), settings)) {
    return `Quiet hours (${quiet}, ${timeZone}) hold; it is ${time} there, so prompts go out now.`;
  }
  await app.surveys.store.saveMessagingSettings(tenantId, { ...settings, quietHours: { start: '00:00', end: '00:00' }, weekendsQuiet: false });
  return `It is ${time} in ${timeZone}, in or close to the quiet hours (${quiet}), so the demo turned quiet hours off for this tenant and prompts go out now (as Eirik Aune: PUT /api/v1/settings/messaging sets them back).`;
}
