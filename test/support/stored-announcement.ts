import type { TestStack } from './stack.js';

const MONTH_MS = 30 * 24 * 3600_000;

/**
 * An announcement stored straight into the database in bokmål, for everyone, due a month from now:
 * something to follow posts for that nothing sends while the test runs. Returns its id.
 */
export async function announcementForLater(stack: TestStack, version: { title: string; body: string }): Promise<string> {
  const created = await stack.app.announcements.store.create({
    tenantId: stack.sim.tenantId,
    content: { versions: { nb: { ...version, links: [] } }, fallbackLocale: 'nb', image: null },
    audience: { kind: 'everyone' },
    sendAt: new Date(Date.now() + MONTH_MS),
    requiresAcknowledgement: false,
    createdBy: stack.sim.municipality.demoPersons.communicator.id,
    createdByRole: 'Communicator',
  });
  return created.id;
}
