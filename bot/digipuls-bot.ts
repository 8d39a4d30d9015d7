import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { BotDeps } from './chat.js';
import { onCardAction } from './handlers/card-action.js';
import { onMembersAdded } from './handlers/conversation-update.js';
import { onInstallationAdded } from './handlers/installation-update.js';
import { onMessage } from './handlers/message.js';
import { onReadReceipt } from './handlers/read-receipt.js';

export type { BotDeps } from './chat.js';

/**
 * The Digipuls bot in a person's 1:1 chat: welcome, help, language, privacy, tips on/off, pulse surveys and
 * announcements (acknowledgements, read receipts). Only
 * wiring lives here; each activity or invoke kind has its handler in handlers/. The tenant guard
 * and activity validation run in routes.ts, before this class sees anything.
 */
export class DigipulsBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    this.onMembersAdded(async (context, next) => {
      await onMembersAdded(context, deps);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await onInstallationAdded(context, deps);
      await next();
    });
    this.onMessage(async (context, next) => {
      await onMessage(context, deps);
      await next();
    });
  }

  /**
   * Teams' read receipt event. botbuilder's onTeamsReadReceiptEvent reads `value.lastReadMessageId`
   * before any handler runs and throws on a missing value; here the handler validates it first.
   */
  protected override async onTeamsReadReceipt(context: TurnContext): Promise<void> {
    await onReadReceipt(context, this.deps);
  }

  /**
   * botbuilder checks a card action's shape itself and answers a malformed one with a bare 400,
   * which Teams shows as "something went wrong"; here every `adaptiveCard/action` reaches our
   * handler, which answers with a card that says what to do.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    return { status: 200, body: await this.onAdaptiveCardInvoke(context, context.activity.value) };
  }

  /** Universal Actions (Action.Execute): the card the person pressed is replaced by the answer. */
  protected override onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue | unknown): Promise<AdaptiveCardInvokeResponse> {
    return onCardAction(context, this.deps, value);
  }
}
