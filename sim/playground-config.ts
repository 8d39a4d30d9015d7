import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Municipality, SimPerson } from './municipality.js';

/** The variable the Microsoft 365 Agents Playground reads its config file's path from. */
export const PLAYGROUND_CONFIG_ENV = 'M365_AGENTS_PLAYGROUND_CONFIG_PATH';

/** What the config needs from a simulator (a running one, or its printed ids). */
export interface PlaygroundTenant {
  tenantId: string;
  app: { clientId: string };
  municipality: Pick<Municipality, 'name' | 'people' | 'demoPersons'>;
}

/**
 * The Playground's own config: the chat happens in the simulated municipality, as one of its staff
 * (by default Amina Ali, demoPersons.staff), with a few colleagues for group chats. The Playground
 * sends the current user's aadObjectId and the tenant id with every activity, so the bot stores the
 * chat for that person of the directory. Written as JSON, which is YAML, which the Playground reads.
 */
export function playgroundConfig(sim: PlaygroundTenant, currentUser: SimPerson = sim.municipality.demoPersons.staff): string {
  const user = (p: SimPerson, id: string) => ({
    id,
    name: p.displayName,
    // (sic: the Playground's schema spells it so)
    userPrincipleName: p.userPrincipalName,
    aadObjectId: p.id,
    givenName: p.givenName,
    surname: p.surname,
    email: p.mail,
  });
  const others = sim.municipality.people.filter((p) => p.id !== currentUser.id && p.accountEnabled).slice(0, 5);
  const team = currentUser.department?.split(' / ')[2] ?? sim.municipality.name;
  return JSON.stringify(
    {
      version: '0.1.1',
      tenantId: sim.tenantId,
      bot: { id: `28:${sim.app.clientId}`, name: 'Digipuls' },
      currentUser: user(currentUser, 'user-id-0'),
      users: others.map((p, i) => user(p, `user-id-${i + 1}`)),
      personalChat: { id: 'personal-chat-id' },
      groupChat: { id: 'group-chat-id', name: team },
      team: { id: 'team-id', name: sim.municipality.name, aadGroupId: '00000000-0000-4000-8000-000000000031', channels: [] },
    },
    null,
    2,
  );
}

/** Writes the config to `file` (creating its folder) and returns the file's absolute path. */
export async function writePlaygroundConfig(file: string, sim: PlaygroundTenant, currentUser?: SimPerson): Promise<string> {
  const absolute = path.resolve(file);
  await mkdir(path.dirname(absolute), { recursive: true });
  await writeFile(absolute, playgroundConfig(sim, currentUser) + '\n');
  return absolute;
}
