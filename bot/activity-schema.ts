import { z } from 'zod';

/** A user or bot in an activity; Teams adds aadObjectId for people. */
const account = z.looseObject({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() });

/**
 * The shape an incoming Bot Framework activity must have before botbuilder sees it: botbuilder
 * answers 500 to JSON that is not an activity, so it is checked here and refused with a 400.
 */
export const incomingActivitySchema = z.looseObject({
  type: z.string().min(1),
  id: z.string().optional(),
  channelId: z.string().min(1),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  from: account,
  recipient: account,
  conversation: z.looseObject({ id: z.string().min(1), tenantId: z.string().optional(), conversationType: z.string().optional() }),
  text: z.string().optional(),
  locale: z.string().optional(),
  value: z.unknown().optional(),
  name: z.string().optional(),
  channelData: z.looseObject({ tenant: z.looseObject({ id: z.string() }).optional() }).optional(),
});
