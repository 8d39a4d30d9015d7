import { z } from 'zod';
import { LOCALES } from '../core/locale.js';
import { messagingSettingsSchema } from '../core/messaging-settings.js';
import { localizedTextSchema, surveyDefinitionSchema } from '../core/survey.js';
import { audienceSchema, surveyScheduleSchema } from '../core/survey-plan.js';

export const createSurveySchema = z
  .strictObject({
    templateId: z.string().max(60).optional(),
    definition: surveyDefinitionSchema.optional(),
    audience: audienceSchema,
    schedule: surveyScheduleSchema,
  })
  .refine((b) => b.templateId !== undefined || b.definition !== undefined, { message: 'give a templateId or a definition', path: ['definition'] });

export const previewSchema = z.strictObject({ definition: surveyDefinitionSchema, locale: z.enum(LOCALES) });

export const followUpSchema = z.strictObject({ text: localizedTextSchema(2000) });

export { messagingSettingsSchema };

const id = (what: string) => z.uuid({ error: `${what} must be an id` });

export const resultsQuery = z.strictObject({ round: id('round').optional(), unit: id('unit').optional() });
export const csvQuery = resultsQuery.extend({ locale: z.enum(LOCALES, { error: `locale must be one of ${LOCALES.join(', ')}` }).optional() });
export const trendQuery = z.strictObject({ unit: id('unit').optional() });
export const groupsQuery = z.strictObject({ search: z.string().trim().max(100).optional() });
