/** A card about the size of an announcement (title, a body of ~1,500 characters, a button, two links). */
export function announcementCard(announcementId: string, options: { acknowledge?: boolean; links?: string[] } = {}) {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      {
        type: 'Container',
        id: `digipuls-announcement-${announcementId}`,
        items: [
          { type: 'TextBlock', text: 'Ny turnusordning fra 1. desember', style: 'heading', wrap: true },
          { type: 'TextBlock', text: 'Fra 1. desember går vi over til ny turnus. '.repeat(35), wrap: true },
        ],
      },
    ],
    actions: [
      ...(options.acknowledge
        ? [{ type: 'Action.Execute', title: 'Bekreft lest', verb: 'announcement.acknowledge', data: { announcementId }, fallback: { type: 'Action.Submit', title: 'Bekreft lest', data: { announcementId } } }]
        : []),
      ...(options.links ?? []).map((url, i) => ({ type: 'Action.OpenUrl', title: `Lenke ${i + 1}`, url })),
    ],
  };
}

export const cardActivity = (card: unknown) => ({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });

/** A nudge card as the bot draws it (bot/cards/nudge-card.ts): the marked container with a heading, steps and the feedback pair, and the stop button. */
export function nudgeCard(nudgeId: string) {
  const execute = (title: string, verb: string, data: Record<string, unknown>, style?: string) => ({ type: 'Action.Execute', title, verb, data, ...(style ? { style } : {}) });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      {
        type: 'Container',
        id: `digipuls-nudge-${nudgeId}`,
        items: [
          { type: 'TextBlock', text: 'Følg kanalen til enheten din', style: 'heading', wrap: true },
          { type: 'TextBlock', text: 'Da ser du nyheter fra leder og kolleger med en gang.', wrap: true },
          { type: 'TextBlock', text: 'Var dette nyttig?', weight: 'Bolder', wrap: true },
          { type: 'ActionSet', actions: [execute('Dette hjalp', 'nudge.feedback', { nudgeId, feedback: 'helped' }, 'positive'), execute('Ikke for meg', 'nudge.feedback', { nudgeId, feedback: 'not-for-me' })] },
        ],
      },
    ],
    actions: [execute('Ingen flere tips', 'nudge.stop', { nudgeId })],
  };
}
