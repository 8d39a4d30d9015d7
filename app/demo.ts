import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSimulator, describeSimulator, simulatorEnv, PLAYGROUND_CONFIG_ENV, writePlaygroundConfig } from '../sim/index.js';
import { ingestAdoptionFromGraph } from './adoption-ingest.js';
import { loadConfig } from './config.js';
import { syncDirectoryFromGraph } from './directory-sync.js';
import { sendDemoAnnouncement, staffReactInDemo } from './demo-announcements.js';
import { openStaffChats } from './demo-staff.js';
import { hasSurveys, loadSurveyHistory, quietHoursForDemo } from './demo-surveys.js';
import { createLogger } from './logger.js';
import { logProgress } from './progress.js';
import { startDigipuls } from './start.js';

export interface DemoOptions {
  staff: number;
  simPort: number;
  seed: string;
}

/**
 * `npm start`: the simulator as the tenant, Digipuls on embedded PGlite, the synthetic municipality
 * loaded through Graph /users exactly as a real tenant's directory would be.
 */
export async function runDemo(env: NodeJS.ProcessEnv, options: DemoOptions): Promise<void> {
  const started = Date.now();
  const sim = await startSimulator({ port: options.simPort, staff: options.staff, seed: options.seed });
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
  await ingestAdoptionFromGraph(config, app.adoption, logProgress(logger), { periods: ['D7', 'D30', 'D90'] });
  const url = app.server.url;
  const { communicator, staff } = sim.municipality.demoPersons;
  const keptSurveys = await hasSurveys(app, sim.tenantId);
  const quietHours = await quietHoursForDemo(app, sim.tenantId);
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
    `  Adoption:      sign in to the tab as ${sim.municipality.demoPersons.admin.displayName} (adoption admin); 8 earlier weeks load in the background for the trend`,
    keptSurveys
      ? `  Surveys:       sign in as ${communicator.displayName} (communicator); the surveys of an earlier run are kept (delete ${config.database.dataDir} for a fresh demo)`
      : `  Surveys:       sign in as ${communicator.displayName} (communicator): "Digitalt arbeidsmiljø" to everyone (open) and a weekly pulse in Helse og omsorg (4 rounds and this week's) fill with answers in the background (about a minute)`,
    '',
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
  void (async () => {
    for (let week = 8; week >= 1; week--) {
      sim.setReportDate(new Date(Date.parse(`${today}T00:00:00Z`) - week * 7 * 86_400_000).toISOString().slice(0, 10));
      await ingestAdoptionFromGraph(config, app.adoption, logProgress(logger), { periods: ['D30'] });
    }
    sim.setReportDate(today);
  })().catch((error: unknown) => logger.error({ err: error }, 'Loading the adoption history failed'));
  staffReactInDemo(sim, `${url}/api/messages`);
  // Surveys kept from an earlier run: staff's chats still get the simulator's address now (its port may have changed).
  // The announcement waits for the survey history: both write through the one embedded database.
  void (keptSurveys
    ? openStaffChats(app, sim).then((chats) => logger.info({ chats }, 'Staff chats renewed'))
    : loadSurveyHistory(app, sim, { seed: options.seed, reportDate: today, logger }).then((history) => logger.info(history, 'Survey history loaded'))
  )
    .then(() => sendDemoAnnouncement(app, sim))
    .then((id) => id && logger.info({ announcementId: id }, 'Demo announcement sending'))
    .catch((error: unknown) => logger.error({ err: error }, 'Loading the survey history or sending the demo announcement failed'));
}

/** A path as one word for a POSIX shell. */
function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}
