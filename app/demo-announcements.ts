import type { AnnouncementRequest } from '../core/announcement.js';
import type { Simulator } from '../sim/index.js';
import { DEMO_TIP_FEEDBACK_SHARE } from './demo-nudges.js';
import type { Digipuls } from './start.js';

/** The announcement the demo sends once, so the reach page has a funnel to show. */
const DEMO_ANNOUNCEMENT: AnnouncementRequest = {
  content: {
    fallbackLocale: 'nb',
    image: null,
    versions: {
      nb: {
        title: 'Nytt turnussystem fra 1. januar',
        body: 'Fra 1. januar fører vi vaktene i **MinTurnus**.\n\n- Logg inn med kommunekontoen\n- Sjekk vaktene dine for januar\n\nSpørsmål? Spør lederen din eller les veiledningen.',
        links: [{ label: 'Veiledning for MinTurnus', url: 'https://intranett.example.no/minturnus' }],
      },
      nn: {
        title: 'Nytt turnussystem frå 1. januar',
        body: 'Frå 1. januar fører vi vaktene i **MinTurnus**.\n\n- Logg inn med kommunekontoen\n- Sjekk vaktene dine for januar\n\nSpørsmål? Spør leiaren din eller les rettleiinga.',
        links: [{ label: 'Rettleiing for MinTurnus', url: 'https://intranett.example.no/minturnus' }],
      },
      sv: {
        title: 'Nytt schemasystem från 1 januari',
        body: 'Från 1 januari förs passen i **MinTurnus**.\n\n- Logga in med kommunkontot\n- Kontrollera dina pass för januari\n\nFrågor? Fråga din chef eller läs guiden.',
        links: [{ label: 'Guide till MinTurnus', url: 'https://intranett.example.no/minturnus' }],
      },
      en: {
        title: 'New rota system from 1 January',
        body: 'From 1 January, shifts are kept in **MinTurnus**.\n\n- Sign in with your municipal account\n- Check your shifts for January\n\nQuestions? Ask your manager or read the guide.',
        links: [{ label: 'Guide to MinTurnus', url: 'https://intranett.example.no/minturnus' }],
      },
    },
  },
  audience: { kind: 'everyone' },
  sendAt: null,
  requiresAcknowledgement: true,
};

/**
 * Simulated staff read, acknowledge and click the announcements the demo sends (the seeded one, and
 * any a visitor writes in the tab), and answer "this helped" / "not for me" under some of the tips,
 * spread over a few minutes so the figures can be watched rising.
 */
export function staffReactInDemo(sim: Simulator, botEndpoint: string): void {
  sim.staff.react({ botEndpoint, delayMs: [2_000, 180_000], tipFeedbackShare: DEMO_TIP_FEEDBACK_SHARE });
}

/**
 * Sends the demo's announcement through the real service (the fan-out at the ceiling, to everyone)
 * unless the tenant has announcements from an earlier run. Returns its id, or null when it kept theirs.
 */
export async function sendDemoAnnouncement(app: Digipuls, sim: Simulator): Promise<string | null> {
  if ((await app.announcements.store.list(sim.tenantId)).length > 0) return null;
  const communicator = sim.municipality.demoPersons.communicator;
  const announcement = await app.announcements.create(sim.tenantId, DEMO_ANNOUNCEMENT, { aadObjectId: communicator.id, role: 'Communicator' });
  return announcement.id;
}
