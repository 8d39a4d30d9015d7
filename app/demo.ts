import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSimulator, describeSimulator, simulatorEnv, PLAYGROUND_CONFIG_ENV, writePlaygroundConfig } from '../sim/index.js';
import { ingestAdoptionFromGraph } from './adoption-ingest.js';
import { loadConfig } from './config.js';
import { syncDirectoryFromGraph } from './directory-sync.js';
import { sendDemoAnnouncement, staffReactInDemo } from './demo-announcements.js';
import { addDays } from './demo-clock.js';
import { digestForDemoLead } from './demo-digests.js';
import { DEMO_NUDGE_EFFECT, hasNudgeHistory, loadNudgeHistory, nudgesOnForDemo } from './demo-nudges.js';
import { openStaffChats } from './demo-staff.js';
import { hasSurveys, loadSurveyHistory, quietHoursForDemo } from './demo-surveys.js';
import { createLogger } from './logger.js';
import { logProgress } from './progress.js';
import { startDigipuls } from './start.js';

/** The report periods the demo reads for the newest reports (the weekly trend reads D30). */
const DEMO_PERIODS = ['D7', 'D30', 'D90'] as const;

export interface DemoOptions {
  staff: number;
  simPort: number;
  seed: string;
  /** The simulator's nudge effect, 0–1 (default DEMO_NUDGE_EFFECT). */
  nudgeEffect?: number;
}

/**
 * `npm start`: the simulator as the tenant, Digipuls on embedded PGlite, the synthetic municipality
 * loaded through Graph /users exactly as a real tenant's directory would be.
 */
export async function runDemo(env: NodeJS.ProcessEnv, options: DemoOptions): Promise<void> {
  const started = Date.now();
  const nudgeEffect = options.nudgeEffect ?? DEMO_NUDGE_EFFECT;
  const sim = await startSimulator({ port: options.simPort, staff: options.staff, seed: options.seed, nudgeEffect });
  const config = loadConfig({
    LOG_LEVEL: 'warn',
    ...env,
    // The demo is bound to the simulator: these point Digipuls at it whatever the shell says.
    DATABASE_URL: '',
    DIGIPULS_DATA_DIR: env.DIGIPULS_DATA_DIR ?? path.join('.digipuls', 'demo'),
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    ...simulatorEnv(sim),
  });
  const logger = createLogger(config);
  const app = await startDigipuls(config, logger);
  const stop = async () => {
    await app.close();
    await sim.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const { people, units } = await syncDirectoryFromGraph(config, app, logger);
  // Adoption as the daily job would have stored it: this week's reports now, earlier weeks (for the
  // trend) after the demo is up, by moving the simulator's report date back a week at a time.
  const today = sim.reports.reportDate;
  await ingestAdoptionFromGraph(config, app.adoption, logProgress(logger), { periods: DEMO_PERIODS });
  const url = app.server.url;
  const { communicator, staff } = sim.municipality.demoPersons;
  const keptSurveys = await hasSurveys(app, sim.tenantId);
  const quietHours = await quietHoursForDemo(app, sim.tenantId);
  // Tips on, so the adoption admin has rules, a cohort and its effect to look at (an earlier run's stand).
  const keptNudges = await hasNudgeHistory(app, sim.tenantId);
  if (!keptNudges) await nudgesOnForDemo(app, sim.tenantId);
  const { rules: nudgeRules } = await app.nudges.getRules(sim.tenantId);
  const { admin } = sim.municipality.demoPersons;
  const digestLine = await digestForDemoLead(app, sim);
  // The Playground as Amina Ali, in the simulated tenant, so the bot knows her from the directory.
  const dataDir = config.database.dataDir.startsWith('memory://') ? tmpdir() : config.database.dataDir;
  const playgroundConfig = await writePlaygroundConfig(path.join(dataDir, 'playground.yml'), sim);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const lines = [
    '',
    `Digipuls demo is ready (${seconds} s): ${sim.municipality.name}, ${people} people in ${units} units, on embedded PGlite (${config.database.dataDir}).`,
    '',
    `  Tab:           ${url}/tab/`,
    `  Bot endpoint:  ${url}/api/messages   (no app id: token validation off, listening on loopback only)`,
    `  API:           ${url}/api/v1/openapi.json`,
    `  Health:        ${url}/healthz`,
    `  Adoption:      sign in to the tab as ${admin.displayName} (adoption admin); 8 earlier weeks load in the background for the trend`,
    keptSurveys
      ? `  Surveys:       sign in as ${communicator.displayName} (communicator); the surveys of an earlier run are kept (delete ${config.database.dataDir} for a fresh demo)`
      : `  Surveys:       sign in as ${communicator.displayName} (communicator): "Digitalt arbeidsmiljø" to everyone (open) and a weekly pulse in Helse og omsorg (4 rounds and this week's) fill with answers in the background (about a minute)`,
    keptNudges
      ? `  Tips:          the nudge rules and tips' cohort of an earlier run are kept (as ${admin.displayName}: GET ${url}/api/v1/nudges/effect); the simulator forgets the tips it got, so the next morning's measurement shows no effect: delete ${config.database.dataDir} for a fresh cohort`
      : `  Tips:          turned on (hold-out ${nudgeRules.holdOutPercent} %, at most ${nudgeRules.pacing.perWeek} a week from ${nudgeRules.pacing.sendFrom} on workdays); in the simulator a tip makes starting Teams ${+(nudgeEffect * 100).toFixed(1)} points likelier (--nudge-effect). After the surveys, tips sent ${nudgeRules.measureAfterDays + 3} days before the newest reports are measured on them: as ${admin.displayName}, the effect per unit and "this helped" per tip (as simulated staff press it) at GET ${url}/api/v1/nudges/effect`,
    '',
    digestLine,
    `  Reach:         sign in as ${communicator.displayName} and open "Nådd": once the surveys have loaded, "Nytt turnussystem fra 1. januar" goes to everyone at the Teams ceiling (${config.announcements.sendCeiling} msg/s); simulated staff read, acknowledge and click over the next few minutes, as they will what you send`,
    '',
    `  Answer a survey as ${staff.displayName} (${staff.jobTitle}, ${staff.department?.split(' / ')[2] ?? sim.municipality.name}) in the Microsoft 365 Agents Playground (another terminal), then open http://localhost:56150:`,
    `    ${PLAYGROUND_CONFIG_ENV}=${shellWord(playgroundConfig)} TEAMSAPPTESTER_BROWSER=none node node_modules/@microsoft/teams-app-test-tool/cli.js start -e ${url}/api/messages -c msteams --disable-telemetry`,
    `  The open "Digitalt arbeidsmiljø" reaches her chat within a minute (the survey job runs every minute; at first, once the survey history has loaded). ${quietHours}`,
    '',
    ...describeSimulator(sim).map((line) => `  ${line}`),
    '',
    'Press Ctrl+C to stop.',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  // After printing: the history moves the simulator's report date, which the lines above show.
  const trendDates = [8, 7, 6, 5, 4, 3, 2, 1].map((week) => addDays(today, -7 * week));
  const adoptionHistory = (async () => {
    for (const day of trendDates) {
      sim.setReportDate(day);
      await ingestAdoptionFromGraph(config, app.adoption, logProgress(logger), { periods: ['D30'] });
    }
    sim.setReportDate(today);
  })();
  adoptionHistory.catch((error: unknown) => logger.error({ err: error }, 'Loading the adoption history failed'));
  staffReactInDemo(sim, `${url}/api/messages`);
  // Surveys kept from an earlier run: staff's chats still get the simulator's address now (its port may have changed).
  // The announcement waits for the survey history: both write through the one embedded database.
  const surveyHistory = keptSurveys
    ? openStaffChats(app, sim).then((chats) => logger.info({ chats }, 'Staff chats renewed'))
    : loadSurveyHistory(app, sim, { seed: options.seed, reportDate: today, logger }).then((history) => logger.info(history, 'Survey history loaded'));
  void surveyHistory
    .then(() => sendDemoAnnouncement(app, sim))
    .then((id) => id && logger.info({ announcementId: id }, 'Demo announcement sending'))
    .catch((error: unknown) => logger.error({ err: error }, 'Loading the survey history or sending the demo announcement failed'));
  // The tips' history moves the simulator's report date (so it waits for the adoption history), needs
  // the staff's chats, and writes the past after the surveys' so a survey's day keeps its priority.
  if (!keptNudges) {
    void Promise.all([adoptionHistory, surveyHistory])
      .then(() => loadNudgeHistory(app, sim, { reportDate: today, periods: DEMO_PERIODS, trendDates, logger }))
      .then((history) => logger.info(history, 'Tips history loaded'))
      .catch((error: unknown) => logger.error({ err: error }, 'Loading the tips history failed'));
  }
}

/** A path as one word for a POSIX shell. */
function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}
