import type { Simulator } from '../sim/index.js';
import type { Digipuls } from './start.js';

/**
 * The demo's unit lead is recorded as one, as signing in to the tab with the role would do, so his
 * weekly digest comes at its time (Monday 08:00 unless he changed it in an earlier run) without his
 * signing in first: in his chat with the bot, which the demo does not open for him (the Playground does). Returns the line the demo prints about it.
 */
export async function digestForDemoLead(app: Digipuls, sim: Simulator): Promise<string> {
  const lead = sim.municipality.demoPersons.unitLead;
  await app.digests.store.recordLead(sim.tenantId, lead.id, true);
  const { weekday, time, enabled } = await app.digests.store.getPreferences(sim.tenantId, lead.id);
  const day = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'][weekday];
  return enabled
    ? `  Digest:        ${lead.displayName} (unit lead) gets a weekly digest in chat every ${day} at ${time} (the job looks every 15 minutes) once he has a chat with the bot (as the demo people do when the Playground is opened as them); sign in as him to change the day or turn it off, or write «sammendrag av»`
    : `  Digest:        ${lead.displayName} (unit lead) turned his weekly digest off in an earlier run; sign in as him to turn it on`;
}
