/**
 * A sending process on its own, to be killed: `node --import tsx test/support/announcement-sender.ts
 * [schema]` with Digipuls's environment (DATABASE_URL, the simulator's settings) runs every due
 * announcement until none is left, then prints "done". Tests and the fan-out benchmark SIGKILL it half
 * way and check that a second sender loses and repeats nothing.
 */
import { loadConfig } from '../../app/config.js';
import { createLogger } from '../../app/logger.js';
import { createAnnouncementService } from '../../app/announcements/announcement-service.js';
import { createAnnouncementRepository } from '../../store/announcement-repository.js';
import { openDatabase } from '../../store/database.js';
import { createDirectoryRepository } from '../../store/directory-repository.js';
import { createSurveyRepository } from '../../store/survey-repository.js';

const config = loadConfig(process.env);
const logger = createLogger(config);
const schema = process.argv[2] || undefined;
const database = await openDatabase({ url: config.database.url, dataDir: config.database.dataDir, schema });
const announcements = createAnnouncementService({
  config,
  store: createAnnouncementRepository(database.db),
  directory: createDirectoryRepository(database.db),
  people: createSurveyRepository(database.db),
  kick: async () => {},
  logger,
});
process.stdout.write('started\n');
// Scheduled ones are sent whenever they were set for: the test decides when this process starts.
const later = () => new Date(Date.now() + 24 * 3600_000);
for (let runs = await announcements.runDue(later()); runs.length > 0; runs = await announcements.runDue(later())) {
  if (runs.every((r) => r.outcome === 'busy')) await new Promise((resolve) => setTimeout(resolve, 500));
}
process.stdout.write('done\n');
await database.close();
process.exit(0);
