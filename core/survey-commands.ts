import type { Role } from './roles.js';
import type { LocalizedText, SurveyDefinition } from './survey.js';
import type { Audience, Survey, SurveyFollowUp, SurveySchedule } from './survey-store.js';

/** A survey as an author asks for it: from a template, or their own questions (which win). */
export interface SurveyRequest {
  templateId?: string;
  definition?: SurveyDefinition;
  audience: Audience;
  schedule: SurveySchedule;
}

/** Who writes a survey or a follow-up, in which of their roles. */
export interface Author {
  aadObjectId: string;
  role: Extract<Role, 'Communicator' | 'UnitLead' | 'AdoptionAdmin'>;
  name: string | null;
}

/** What the API asks app/ to do with surveys (app/surveys implements it). */
export interface SurveyCommands {
  create(tenantId: string, request: SurveyRequest, author: Omit<Author, 'name'>): Promise<Survey>;
  close(tenantId: string, surveyId: string, now?: Date): Promise<Survey>;
  followUp(tenantId: string, surveyId: string, roundId: string, text: LocalizedText, author: Author, now?: Date): Promise<SurveyFollowUp>;
}
