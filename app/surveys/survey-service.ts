import type { Logger } from 'pino';
import type { DirectoryRepository } from '../../core/directory.js';
import { badRequest, notFound } from '../../core/errors.js';
import { localDay } from '../../core/messaging-settings.js';
import type { SurveyCommands } from '../../core/survey-commands.js';
import { surveyDefinitionSchema, type TemplateId } from '../../core/survey.js';
import { startsTooLate } from '../../core/survey-plan.js';
import type { SurveyStore } from '../../core/survey-store.js';
import { findTemplate } from '../../core/survey-templates/index.js';
import type { Config } from '../config.js';
import type { TenantSendGates } from '../send-gate.js';
import type { SurveyCards } from './survey-cards.js';
import { dispatchSurveys, type DispatchResult, type SendCard } from './survey-dispatch.js';
import { resolveAudience } from './survey-audience.js';

/** Surveys as app/ runs them: create, close, follow up, and the dispatch pass the job runs. */
export interface SurveyService extends SurveyCommands {
  store: SurveyStore;
  cards: SurveyCards;
  /**
   * Opens due rounds and sends due prompts, reminders and follow-ups now (what the job does every minute).
   * `sendRate` overrides the configured pace (the demo's history, sent to the simulator, which has no limit).
   */
  runDue(now?: Date, options?: { sendRate?: number }): Promise<DispatchResult>;
}

export function createSurveyService(deps: {
  config: Config;
  store: SurveyStore;
  directory: DirectoryRepository;
  cards: SurveyCards;
  /** Set once the bot is up; without it nothing is sent. */
  send: () => SendCard | undefined;
  /** The process's per-tenant send gates, shared with the announcement fan-out (none: only the survey pace holds). */
  gates?: TenantSendGates;
  logger: Logger;
}): SurveyService {
  const { config, store, logger } = deps;
  const getSurvey = async (tenantId: string, surveyId: string) => {
    const survey = await store.getSurvey(tenantId, surveyId);
    if (!survey) throw notFound('survey_not_found', 'No such survey');
    return survey;
  };

  return {
    store,
    cards: deps.cards,

    async create(tenantId, request, author) {
      const template = request.templateId === undefined ? undefined : findTemplate(request.templateId);
      if (request.templateId !== undefined && !template) throw badRequest('unknown_template', `No survey template ${request.templateId}`);
      const definition = request.definition ?? template?.definition;
      if (!definition) throw badRequest('invalid_survey', 'Give a templateId or a definition with the questions');
      // Checked here as well as at the API edge: the service is also called by the demo and the CLI.
      const parsed = surveyDefinitionSchema.safeParse(definition);
      if (!parsed.success) throw badRequest('invalid_survey', parsed.error.issues[0]!.message, { path: parsed.error.issues[0]!.path.join('.') });
      if (startsTooLate(request.schedule, new Date())) throw badRequest('invalid_schedule', 'A survey starts at most two years ahead');
      await resolveAudience(config, store, deps.directory, tenantId, request.audience, { check: true });
      await deps.directory.ensureTenant(tenantId);
      return store.createSurvey(tenantId, {
        templateId: (template?.id ?? null) as TemplateId | null,
        definition: parsed.data,
        audience: request.audience,
        schedule: request.schedule,
        createdBy: author.aadObjectId,
        createdByRole: author.role,
      });
    },

    async close(tenantId, surveyId, now = new Date()) {
      const survey = await getSurvey(tenantId, surveyId);
      if (survey.status === 'ended') throw badRequest('survey_ended', 'The survey has already ended');
      await store.closeSurvey(tenantId, surveyId, now);
      return getSurvey(tenantId, surveyId);
    },

    async followUp(tenantId, surveyId, roundId, text, author, now = new Date()) {
      await getSurvey(tenantId, surveyId);
      const rounds = await store.listRounds(tenantId, surveyId);
      if (!rounds.some((r) => r.id === roundId)) throw notFound('round_not_found', 'No such round of this survey');
      const { timeZone } = await store.messagingSettings(tenantId);
      return store.addFollowUp(tenantId, roundId, { text, writtenBy: { role: author.role, name: author.name }, writtenOn: localDay(now, timeZone) });
    },

    async runDue(now = new Date(), options = {}) {
      const send = deps.send();
      if (!send) throw new Error('Surveys cannot be sent before the bot is running');
      return dispatchSurveys(
        {
          store,
          cards: deps.cards,
          send,
          audienceOf: (survey) => resolveAudience(config, store, deps.directory, survey.tenantId, survey.audience),
          defaultLocale: config.defaultLocale,
          sendRate: options.sendRate ?? config.surveys.sendRate,
          ...(deps.gates ? { tenantGate: (tenantId: string) => deps.gates!.of(tenantId) } : {}),
          logger,
        },
        now,
      );
    },
  };
}
