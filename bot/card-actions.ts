import { z } from 'zod';
import { LOCALES } from '../core/locale.js';

/** The verbs of Digipuls' card buttons. */
export const VERBS = {
  showLanguages: 'digipuls.showLanguages',
  setLanguage: 'digipuls.setLanguage',
  showPrivacy: 'digipuls.showPrivacy',
  showWelcome: 'digipuls.showWelcome',
} as const;

/** A card action, from an Action.Execute invoke or an Action.Submit fallback; anything else is refused. */
export const cardActionSchema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal(VERBS.showLanguages) }),
  z.object({ verb: z.literal(VERBS.showPrivacy) }),
  z.object({ verb: z.literal(VERBS.showWelcome) }),
  z.object({ verb: z.literal(VERBS.setLanguage), locale: z.enum(LOCALES) }),
]);
/** A card action Digipuls performs. */
export type CardAction = z.infer<typeof cardActionSchema>;

/** The `value` of an `adaptiveCard/action` invoke (Universal Actions). */
export const invokeValueSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string(),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** Reads an invoke value as a card action; undefined when it is not one we know. */
export function actionFromInvoke(value: unknown): CardAction | undefined {
  const invoke = invokeValueSchema.safeParse(value);
  if (!invoke.success) return undefined;
  const action = cardActionSchema.safeParse({ ...invoke.data.action.data, verb: invoke.data.action.verb });
  return action.success ? action.data : undefined;
}

/** Reads an Action.Submit fallback (a message whose value carries the verb). */
export function actionFromSubmit(value: unknown): CardAction | undefined {
  const action = cardActionSchema.safeParse(value);
  return action.success ? action.data : undefined;
}
