#!/usr/bin/env node
import { Command, InvalidArgumentError } from 'commander';
import { LOCALES, type Locale } from '../core/locale.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';

/** Parses a whole positive number option, or says which option is wrong. */
const positiveInt = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number`);
  return n;
};

/** Parses a share from 0 to 1 (e.g. 0.15 for 15 points), or says which option is wrong and why. */
const share = (name: string) => (value: string) => {
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new InvalidArgumentError(`${name} must be a share from 0 to 1, e.g. 0.15 for 15 points`);
  }
  return n;
};

/** The simulator's nudge effect, shared by `demo` and `sim` (their defaults differ). */
const NUDGE_EFFECT_HELP = 'how much a usage tip raises the chance that its recipient starts using Teams, as a share (0–1)';

const program = new Command('digipuls')
  .description('Digipuls: does what management shares reach the staff? Teams and Viva Engage adoption per unit, and pulse surveys.')
  .showHelpAfterError();

program
  .command('serve')
  .description('start Digipuls with the configuration from the environment')
  .action(async () => {
    const config = loadConfig();
    const logger = createLogger(config);
    const { startDigipuls } = await import('./start.js');
    const app = await startDigipuls(config, logger);
    if (!config.bot.authEnabled) {
      logger.warn(`No MicrosoftAppId: bot token validation is off, so Digipuls listens on ${config.host} (loopback) only`);
    }
    logger.info({ url: app.server.url, database: app.database.engine }, 'Digipuls is running');
    const stop = async () => {
      await app.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

/** The options that pick the synthetic municipality, shared by `demo` and `sim`. */
const withMunicipality = (command: Command) =>
  command
    .option('--staff <n>', 'staff in the synthetic municipality', positiveInt('--staff'), 2000)
    .option('--seed <seed>', 'seed of the synthetic municipality', 'digipuls');

withMunicipality(
  program
    .command('demo')
    .description('start the tenant simulator and Digipuls on embedded PGlite with a synthetic municipality')
    .option('--sim-port <port>', 'port of the tenant simulator', positiveInt('--sim-port'), 3979)
    // No default here: the demo's (0.15) lives with the demo, so `--help` need not load it.
    .option('--nudge-effect <share>', `${NUDGE_EFFECT_HELP} (default: 0.15)`, share('--nudge-effect')),
).action(async (options: { staff: number; simPort: number; seed: string; nudgeEffect?: number }) => {
    const { runDemo } = await import('./demo.js');
    await runDemo(process.env, options);
  });

withMunicipality(
  program
    .command('sim')
    .description('run the tenant simulator alone (Entra ID, Graph and the Bot Connector)')
    .option('--port <port>', 'port to listen on', positiveInt('--port'), 3979)
    .option('--nudge-effect <share>', `${NUDGE_EFFECT_HELP}; 0: tips change nothing`, share('--nudge-effect'), 0),
).action(async (options: { port: number; staff: number; seed: string; nudgeEffect: number }) => {
    const { startSimulator, describeSimulator } = await import('../sim/index.js');
    const sim = await startSimulator({ port: options.port, staff: options.staff, seed: options.seed, nudgeEffect: options.nudgeEffect });
    const effect = options.nudgeEffect > 0 ? `a usage tip raises the chance its recipient starts using Teams by ${+(options.nudgeEffect * 100).toFixed(1)} points` : 'none (usage tips change nothing; --nudge-effect sets one)';
    process.stdout.write([...describeSimulator(sim), `  Nudge effect:   ${effect}`].join('\n') + '\n');
    process.once('SIGINT', () => void sim.close().then(() => process.exit(0)));
  });

program
  .command('migrate')
  .description('bring the database schema up to date, then exit')
  .action(async () => {
    const config = loadConfig();
    const { openDatabase } = await import('../store/database.js');
    const database = await openDatabase({ url: config.database.url, dataDir: config.database.dataDir });
    await database.close();
    process.stdout.write(`Database is up to date (${database.engine}).\n`);
  });

program
  .command('sync-directory')
  .description('read the directory from Microsoft Graph /users now')
  .action(async () => {
    const config = loadConfig();
    const logger = createLogger(config);
    const [{ openDatabase }, { createDirectoryRepository }, { createAdoptionRepository }, { syncDirectoryFromGraph }] = await Promise.all([
      import('../store/database.js'),
      import('../store/directory-repository.js'),
      import('../store/adoption-repository.js'),
      import('./directory-sync.js'),
    ]);
    const database = await openDatabase({ url: config.database.url, dataDir: config.database.dataDir });
    try {
      const stores = { directory: createDirectoryRepository(database.db), adoption: createAdoptionRepository(database.db) };
      const result = await syncDirectoryFromGraph(config, stores, logger);
      process.stdout.write(`Directory synchronised: ${result.people} people in ${result.units} units.\n`);
    } finally {
      await database.close();
    }
  });

const PERIODS = ['D7', 'D30', 'D90', 'D180'] as const;
type Period = (typeof PERIODS)[number];
const period = (value: string): Period => {
  const v = value.trim().toUpperCase();
  if (!(PERIODS as readonly string[]).includes(v)) throw new InvalidArgumentError(`must be one of ${PERIODS.join(', ')}`);
  return v as Period;
};
const periods = (value: string): Period[] => value.split(',').map(period);
const isoDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('must be a date, YYYY-MM-DD');
  return value;
};
const locale = (value: string): Locale => {
  const v = value.trim().toLowerCase();
  if (!(LOCALES as readonly string[]).includes(v)) throw new InvalidArgumentError(`must be one of ${LOCALES.join(', ')}`);
  return v as Locale;
};

program
  .command('ingest')
  .description('read the directory and the Teams and Viva Engage usage reports from Microsoft Graph, and store adoption per unit')
  .option('--periods <list>', 'report periods, comma separated (default: ADOPTION_PERIODS, D30)', periods)
  .action(async (options: { periods?: Period[] }) => {
    const { ingestCommand } = await import('./adoption-commands.js');
    process.stdout.write((await ingestCommand(loadConfig(), options)).join('\n') + '\n');
  });

program
  .command('import-reports')
  .description('import usage reports exported from the Microsoft 365 admin center (CSV) and a users list (admin center export or Graph /users JSON) from a folder')
  .argument('<dir>', 'folder with the exported files (recognised by their header rows)')
  .action(async (dir: string) => {
    const { importReportsCommand } = await import('./adoption-commands.js');
    process.stdout.write((await importReportsCommand(loadConfig(), dir)).join('\n') + '\n');
  });

program
  .command('adoption')
  .description('print Teams and Viva Engage adoption per unit (groups under the minimum size hidden)')
  .option('--period <period>', 'report period: D7, D30, D90 or D180', period, 'D30' as Period)
  .option('--unit <path>', 'only this unit and its sub-units, e.g. "Helse og omsorg / Hjemmetjenesten"')
  .option('--date <date>', 'the report date of the snapshot (default: the newest)', isoDate)
  .option('--json', 'print JSON: a list of {unit, staff, active: {...}, suppressed}')
  .action(async (options: { period: Period; unit?: string; date?: string; json?: boolean }) => {
    const { adoptionCommand } = await import('./adoption-commands.js');
    process.stdout.write((await adoptionCommand(loadConfig(), options)) + '\n');
  });

program
  .command('unit-mapping')
  .description('replace the unit mapping from a CSV file (columns: department, unit) for directories whose departments are not unit paths')
  .argument('<file>', 'CSV file: department (or office) value → unit path')
  .action(async (file: string) => {
    const { unitMappingCommand } = await import('./adoption-commands.js');
    process.stdout.write((await unitMappingCommand(loadConfig(), file)) + '\n');
  });

const survey = program.command('survey').description('pulse surveys');
survey
  .command('templates')
  .description('list the shipped survey templates with every question in nb, nn, sv and en')
  .option('--json', 'print the templates as JSON, exactly as Digipuls uses them')
  .option('--locale <locale>', 'only this language: nb, nn, sv or en', locale)
  .action(async (options: { json?: boolean; locale?: Locale }) => {
    const { surveyTemplatesCommand } = await import('./survey-commands.js');
    process.stdout.write(surveyTemplatesCommand(options) + '\n');
  });

program
  .command('package')
  .description('build the Teams app package (zip) and validate it against the manifest schema')
  .option('--out <file>', 'where to write the zip')
  .option('--teams-app-id <guid>', 'the Teams app id (default: derived from MicrosoftAppId)')
  .option('--app-version <version>', 'the app version in the manifest')
  .action(async (options: { out?: string; teamsAppId?: string; appVersion?: string }) => {
    const config = loadConfig();
    const { runPackageCommand } = await import('../manifest/package-command.js');
    const file = await runPackageCommand(config, { out: options.out, teamsAppId: options.teamsAppId, version: options.appVersion });
    process.stdout.write(`Teams app package written to ${file} (manifest valid against schema v1.30).\n`);
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  // Known failures get one line; anything else its stack, so it can be reported.
  const known = error instanceof ConfigError || (error instanceof Error && error.name.endsWith('Error') && error.name !== 'Error' && error.name !== 'TypeError');
  process.stderr.write(`digipuls: ${known && error instanceof Error ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
