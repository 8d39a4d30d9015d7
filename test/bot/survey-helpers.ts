import type { SurveyDefinition, LocalizedText } from '../../core/survey.js';
import type { SurveyPrompt } from '../../core/survey-store.js';

const say = (nb: string, nn: string, sv: string, en: string): LocalizedText => ({ nb, nn, sv, en });

/** A survey with one question of every kind, short enough to answer in a test. */
export const everyKind: SurveyDefinition = {
  title: say('Ukepuls', 'Vekepuls', 'Veckopuls', 'Weekly pulse'),
  intro: say('Tre minutter om uka di.', 'Tre minutt om veka di.', 'Tre minuter om din vecka.', 'Three minutes about your week.'),
  questions: [
    { id: 'workload', kind: 'likert', required: true, text: say('Arbeidsmengden er til å leve med.', 'Arbeidsmengda er til å leve med.', 'Arbetsbelastningen är rimlig.', 'My workload is manageable.') },
    { id: 'recommend', kind: 'enps', required: true, text: say('Vil du anbefale arbeidsplassen?', 'Vil du tilrå arbeidsplassen?', 'Skulle du rekommendera arbetsplatsen?', 'Would you recommend your workplace?') },
    {
      id: 'channel',
      kind: 'single',
      required: true,
      text: say('Hvor leser du nyheter?', 'Kvar les du nyheiter?', 'Var läser du nyheter?', 'Where do you read news?'),
      options: [
        { id: 'teams', text: say('Teams', 'Teams', 'Teams', 'Teams') },
        { id: 'email', text: say('E-post', 'E-post', 'Mejl', 'Email') },
        { id: 'intranet', text: say('Intranettet', 'Intranettet', 'Intranätet', 'The intranet') },
      ],
    },
    {
      id: 'tools',
      kind: 'multiple',
      required: false,
      text: say('Hvilke verktøy brukte du?', 'Kva verktøy brukte du?', 'Vilka verktyg använde du?', 'Which tools did you use?'),
      options: [
        { id: 'chat', text: say('Chat', 'Chat', 'Chatt', 'Chat') },
        { id: 'meetings', text: say('Møter', 'Møte', 'Möten', 'Meetings') },
        { id: 'engage', text: say('Viva Engage', 'Viva Engage', 'Viva Engage', 'Viva Engage') },
      ],
    },
    { id: 'comment', kind: 'text', required: false, maxLength: 50, text: say('Noe mer?', 'Noko meir?', 'Något mer?', 'Anything else?') },
  ],
};

/** A prompt for a round of `definition` (an id as the store gives them). */
export function promptOf(definition: SurveyDefinition, extra: Partial<SurveyPrompt> = {}): SurveyPrompt {
  return { surveyId: '6d1f6f57-5a2b-4c47-9d8e-0d3a6c1b2e11', roundId: '0b8e2f4c-2c57-4f7a-a8a3-5d6c7e8f9a01', definition, closesOn: '2025-03-14', reminder: false, ...extra };
}

/** Every element and action of a card (nested containers, show-card actions and fallbacks included). */
export function allParts(card: unknown): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const part = value as Record<string, unknown>;
    if (typeof part.type === 'string') found.push(part);
    for (const key of ['body', 'items', 'actions', 'card', 'fallback', 'inlines', 'columns']) if (key in part) visit(part[key]);
  };
  visit(card);
  return found;
}

/** The inputs of a card. */
export const inputsOf = (card: unknown) => allParts(card).filter((p) => String(p.type).startsWith('Input.'));
/** The buttons of a card, in order (not their fallbacks). */
export const buttonsOf = (card: { actions?: unknown[] } | undefined) => (card?.actions ?? []) as Array<Record<string, unknown> & { title: string; verb?: string; data?: Record<string, unknown> }>;
