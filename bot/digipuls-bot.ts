import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { DirectoryRepository } from '../core/directory.js';
import type { Locale } from '../core/locale.js';
import { actionFromInvoke, actionFromSubmit, VERBS, type CardAction } from './card-actions.js';
import { asAttachment, CARD_CONTENT_TYPE, type AdaptiveCard } from './cards/adaptive-card.js';
import { errorCard } from './cards/error-card.js';
import { languageCard } from './cards/language-card.js';
import { privacyCard } from './cards/privacy-card.js';
import { welcomeCard } from './cards/welcome-card.js';
import { parseCommand } from './commands.js';
import { botText } from './i18n.js';
import { personLocale } from './person-locale.js';
import { tenantOf } from './tenant-guard.js';

export interface BotDeps {
  directory: DirectoryRepository;
  defaultLocale: Locale;
  minGroupSize: number;
  logger: Logger;
}

/** The Digipuls bot in a person's 1:1 chat: welcome, help, language and privacy. */
export class DigipulsBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    this.onMembersAdded(async (context, next) => {
      const botAdded = context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id);
      if (botAdded && isPersonalChat(context)) {
        await this.rememberChat(context);
        await this.sendCard(context, welcomeCard(await this.localeOf(context), this.deps.minGroupSize));
      }
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      // The welcome card comes with the conversationUpdate that accompanies the install; here we only remember the chat.
      if (isPersonalChat(context)) await this.rememberChat(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.onChatMessage(context);
      await next();
    });
  }

  private async onChatMessage(context: TurnContext): Promise<void> {
    if (context.activity.value !== undefined && !context.activity.text) {
      // An Action.Submit fallback from an older client.
      const action = actionFromSubmit(context.activity.value);
      const card = action ? await this.perform(context, action) : errorCard(await this.localeOf(context));
      await this.sendCard(context, card);
      return;
    }
    const command = parseCommand(context.activity.text);
    switch (command.kind) {
      case 'help':
        await this.rememberChat(context);
        await this.sendCard(context, welcomeCard(await this.localeOf(context, command.impliedLocale), this.deps.minGroupSize));
        return;
      case 'language':
        await this.rememberChat(context);
        if (command.locale) {
          await this.sendCard(context, await this.perform(context, { verb: VERBS.setLanguage, locale: command.locale }));
        } else {
          await this.sendCard(context, languageCard(await this.localeOf(context, command.impliedLocale)));
        }
        return;
      case 'stopNudges':
      case 'startNudges': {
        const person = await this.rememberChat(context);
        const paused = command.kind === 'stopNudges';
        if (person) await this.deps.directory.setNudgesPaused(person.tenantId, person.aadObjectId, paused);
        await context.sendActivity(botText(await this.localeOf(context, command.impliedLocale))(paused ? 'nudges.stopped' : 'nudges.started'));
        return;
      }
      case 'privacy':
        await this.sendCard(context, privacyCard(await this.localeOf(context), this.deps.minGroupSize));
        return;
      case 'unknown':
        await context.sendActivity(botText(await this.localeOf(context))('unknown'));
    }
  }

  /**
   * Card actions are read here rather than in botbuilder's own check, which answers a malformed one
   * with a bare 400 that Teams shows as "something went wrong": staff get a card that says what to do.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    return { status: 200, body: await this.onAdaptiveCardInvoke(context, context.activity.value) };
  }

  /** Universal Actions: the card the person pressed is replaced by the answer. */
  protected override async onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue | unknown): Promise<AdaptiveCardInvokeResponse> {
    const action = actionFromInvoke(value);
    const card = action ? await this.perform(context, action) : errorCard(await this.localeOf(context));
    if (!action) this.deps.logger.warn('Refused a card action it does not know');
    return { statusCode: 200, type: CARD_CONTENT_TYPE, value: card as unknown as Record<string, unknown> };
  }

  private async perform(context: TurnContext, action: CardAction): Promise<AdaptiveCard> {
    switch (action.verb) {
      case VERBS.showLanguages:
        return languageCard(await this.localeOf(context));
      case VERBS.showPrivacy:
        return privacyCard(await this.localeOf(context), this.deps.minGroupSize);
      case VERBS.showWelcome:
        return welcomeCard(await this.localeOf(context), this.deps.minGroupSize);
      case VERBS.setLanguage: {
        const person = await this.rememberChat(context);
        if (person) await this.deps.directory.setPreferredLocale(person.tenantId, person.aadObjectId, action.locale);
        const card = welcomeCard(action.locale, this.deps.minGroupSize);
        // Say the change in the new language first, so the person sees at once that it took.
        card.body.unshift({ type: 'TextBlock', text: botText(action.locale)('language.changed'), wrap: true, color: 'Good', weight: 'Bolder' });
        return card;
      }
    }
  }

  private localeOf(context: TurnContext, implied?: Locale): Promise<Locale> {
    return personLocale(context, this.deps.directory, this.deps.defaultLocale, implied);
  }

  /** Stores where the person can be reached (their 1:1 chat), creating them if the directory has not yet. */
  private async rememberChat(context: TurnContext) {
    const { activity } = context;
    const tenantId = tenantOf(activity);
    const aadObjectId = activity.from?.aadObjectId;
    if (!tenantId || !aadObjectId || !isPersonalChat(context)) return undefined;
    const reference = TurnContext.getConversationReference(activity) as unknown as Record<string, unknown>;
    return this.deps.directory.saveChatContact(tenantId, { aadObjectId, displayName: activity.from.name ?? null, conversationReference: reference });
  }

  private async sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
    await context.sendActivity({ type: 'message', attachments: [asAttachment(card)] });
  }
}

function isPersonalChat(context: TurnContext): boolean {
  const type = context.activity.conversation?.conversationType;
  return type === undefined || type === 'personal';
}
