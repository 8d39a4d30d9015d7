import { stringify } from 'csv-stringify/sync';
import type { Request, Response } from 'restify';
import type { DirectoryRepository } from '../../core/directory.js';
import { badRequest, forbidden, notFound } from '../../core/errors.js';
import { localDay } from '../../core/messaging-settings.js';
import type { Locale } from '../../core/locale.js';
import type { Role } from '../../core/roles.js';
import type { SurveyCommands } from '../../core/survey-commands.js';
import { surveyRoundResults, type GroupResults } from '../../core/survey-results.js';
import type { Survey, SurveyPrompt, SurveyStore } from '../../core/survey-store.js';
import type { SurveyDefinition } from '../../core/survey.js';
import { SURVEY_TEMPLATES } from '../../core/survey-templates/index.js';
import { isWithinUnit, type Unit } from '../../core/units.js';
import type { Caller } from '../auth/caller.js';
import { parseJsonBody } from '../json-body.js';
import { parseQuery } from '../query.js';
import { mayManage, requireAudienceAllowed, seesUnit, surveyAccess, type SurveyAccess } from '../survey-access.js';
import { presentSurvey, RESULTS_CSV_HEADER, resultsCsvRows } from '../survey-presenter.js';
import { createSurveySchema, csvQuery, followUpSchema, previewSchema, resultsQuery, trendQuery } from '../survey-schemas.js';

export interface SurveyRouteDeps {
  store: SurveyStore;
  commands: SurveyCommands;
  directory: DirectoryRepository;
  /** The card staff get (the bot's), for the preview. */
  previewCard(prompt: SurveyPrompt, locale: Locale): unknown;
  minGroupSize: number;
  freeTextRoles: readonly Role[];
  defaultLocale: Locale;
}

async function accessOf(caller: Caller, deps: SurveyRouteDeps): Promise<{ access: SurveyAccess; units: Unit[] }> {
  const [own, units] = await Promise.all([deps.directory.unitOf(caller.tenantId, caller.id), deps.directory.listUnits(caller.tenantId)]);
  return { access: surveyAccess(caller, own), units };
}

async function surveyOf(caller: Caller, deps: SurveyRouteDeps, surveyId: string): Promise<Survey> {
  const survey = await deps.store.getSurvey(caller.tenantId, surveyId);
  if (!survey) throw notFound('survey_not_found', 'No such survey');
  return survey;
}

async function summary(caller: Caller, deps: SurveyRouteDeps, survey: Survey, access: SurveyAccess, units: Unit[]) {
  const rounds = await deps.store.listRounds(caller.tenantId, survey.id);
  return presentSurvey(survey, rounds, units, { canManage: mayManage(access, survey, units), minGroupSize: deps.minGroupSize });
}

/** GET /api/v1/surveys/templates */
export async function getTemplates(caller: Caller, deps: SurveyRouteDeps) {
  await accessOf(caller, deps);
  return { templates: SURVEY_TEMPLATES };
}

/** GET /api/v1/surveys */
export async function listSurveys(caller: Caller, deps: SurveyRouteDeps) {
  const { access, units } = await accessOf(caller, deps);
  const surveys = await deps.store.listSurveys(caller.tenantId);
  return { surveys: await Promise.all(surveys.map((s) => summary(caller, deps, s, access, units))), canCreate: access.authorRole !== null };
}

/** How far in the past a start may lie: the tab sends "now" when the author clicks, on a clock that may be a little behind ours. */
const START_GRACE_MS = 60 * 60 * 1000;

/** POST /api/v1/surveys */
export async function createSurvey(req: Request, res: Response, caller: Caller, deps: SurveyRouteDeps) {
  const { access, units } = await accessOf(caller, deps);
  const body = parseJsonBody(req, createSurveySchema);
  // A round that opens in the past may close in the same dispatch pass, before anybody is asked.
  if (Date.parse(body.schedule.startsAt) < Date.now() - START_GRACE_MS) throw badRequest('invalid_schedule', 'schedule.startsAt is in the past: start the survey now or later');
  requireAudienceAllowed(access, body.audience, units);
  const survey = await deps.commands.create(caller.tenantId, body, { aadObjectId: caller.id, role: access.authorRole! });
  res.status(201);
  return summary(caller, deps, survey, access, units);
}

/** POST /api/v1/surveys/preview: the card exactly as staff will get it. */
export async function previewSurvey(req: Request, caller: Caller, deps: SurveyRouteDeps) {
  await accessOf(caller, deps);
  const body = parseJsonBody(req, previewSchema);
  const { timeZone } = await deps.store.messagingSettings(caller.tenantId);
  const closesOn = localDay(new Date(Date.now() + 7 * 24 * 3600 * 1000), timeZone);
  return { card: deps.previewCard(previewPrompt(body.definition, closesOn), body.locale) };
}

function previewPrompt(definition: SurveyDefinition, closesOn: string): SurveyPrompt {
  return { surveyId: 'preview', roundId: 'preview', definition, closesOn, reminder: false };
}

/** GET /api/v1/surveys/:id */
export async function getSurvey(req: Request, caller: Caller, deps: SurveyRouteDeps) {
  const { access, units } = await accessOf(caller, deps);
  return summary(caller, deps, await surveyOf(caller, deps, req.params.id), access, units);
}

/** POST /api/v1/surveys/:id/close */
export async function closeSurvey(req: Request, caller: Caller, deps: SurveyRouteDeps) {
  const { access, units } = await accessOf(caller, deps);
  const survey = await surveyOf(caller, deps, req.params.id);
  requireManage(access, survey, units);
  return summary(caller, deps, await deps.commands.close(caller.tenantId, survey.id), access, units);
}

function requireManage(access: SurveyAccess, survey: Survey, units: Unit[]) {
  if (!mayManage(access, survey, units)) throw forbidden('forbidden', 'Only the survey\'s communicators, adoption admins and the leads of its units may change it');
}

/** One round's results as the caller may see them. */
async function resultsFor(req: Request, caller: Caller, deps: SurveyRouteDeps, query: { round?: string; unit?: string }) {
  const { access, units } = await accessOf(caller, deps);
  const survey = await surveyOf(caller, deps, req.params.id);
  const rounds = await deps.store.listRounds(caller.tenantId, survey.id);
  const round = query.round ? rounds.find((r) => r.id === query.round) : rounds.at(-1);
  if (query.round && !round) throw notFound('round_not_found', 'No such round of this survey');
  const scopeUnit = query.unit ? units.find((u) => u.id === query.unit) : undefined;
  if (query.unit && !scopeUnit) throw notFound('unit_not_found', 'No such unit');
  if (scopeUnit && !seesUnit(access, scopeUnit)) throw forbidden('forbidden', 'That unit is not one of yours');
  const computed = round ? await computeRound(caller, deps, survey, round.id, units) : { municipality: null, units: [] };
  const visible = computed.units.filter((u) => seesUnit(access, u) && (!scopeUnit || isWithinUnit(u.path, scopeUnit.path)));
  return { access, units, survey, rounds, round, municipality: municipalityFor(access, computed.municipality), visible, scopeUnit };
}

/**
 * A unit lead compares their units with the municipality's figures, but the municipality's free text
 * comes from units that are not theirs: it says it exists without showing it.
 */
function municipalityFor(access: SurveyAccess, municipality: GroupResults | null): GroupResults | null {
  if (!municipality || access.allUnits) return municipality;
  return { ...municipality, questions: municipality.questions.map((q) => (Array.isArray(q.texts) ? { ...q, texts: 'hidden' as const } : q)) };
}

async function computeRound(caller: Caller, deps: SurveyRouteDeps, survey: Survey, roundId: string, units: Unit[]) {
  const mayReadFreeText = caller.roles.some((r) => deps.freeTextRoles.includes(r));
  const [participation, answers] = await Promise.all([deps.store.participation(caller.tenantId, roundId), deps.store.answers(caller.tenantId, roundId)]);
  return surveyRoundResults({ definition: survey.definition, units, participation, answers, minGroupSize: deps.minGroupSize, mayReadFreeText });
}

/** GET /api/v1/surveys/:id/results */
export async function getResults(req: Request, caller: Caller, deps: SurveyRouteDeps) {
  const r = await resultsFor(req, caller, deps, parseQuery(req, resultsQuery));
  const followUps = await deps.store.listFollowUps(caller.tenantId, r.rounds.map((x) => x.id));
  const canManage = mayManage(r.access, r.survey, r.units);
  return {
    survey: presentSurvey(r.survey, r.rounds, r.units, { canManage, minGroupSize: deps.minGroupSize }),
    round: r.round ? { id: r.round.id, number: r.round.number, opensAt: r.round.opensAt.toISOString(), closesAt: r.round.closesAt.toISOString(), closedAt: r.round.closedAt?.toISOString() ?? null } : null,
    minGroupSize: deps.minGroupSize,
    municipality: r.municipality,
    units: r.visible,
    scopeUnitId: r.scopeUnit?.id ?? null,
    followUps,
    canFollowUp: canManage,
    readOnly: r.access.readOnly,
  };
}

/** GET /api/v1/surveys/:id/trend: a unit's (or the municipality's) results round by round. */
export async function getTrend(req: Request, caller: Caller, deps: SurveyRouteDeps) {
  const q = parseQuery(req, trendQuery);
  const { access, units } = await accessOf(caller, deps);
  const survey = await surveyOf(caller, deps, req.params.id);
  const unit = q.unit ? units.find((u) => u.id === q.unit) : undefined;
  if (q.unit && !unit) throw notFound('unit_not_found', 'No such unit');
  if (unit && !seesUnit(access, unit)) throw forbidden('forbidden', 'That unit is not one of yours');
  const rounds = await deps.store.listRounds(caller.tenantId, survey.id);
  const points = [];
  for (const round of rounds) {
    const computed = await computeRound(caller, deps, survey, round.id, units);
    const results = unit ? (computed.units.find((u) => u.unitId === unit.id)?.results ?? null) : municipalityFor(access, computed.municipality);
    points.push({ roundId: round.id, number: round.number, opensAt: round.opensAt.toISOString(), results });
  }
  return { unitId: unit?.id ?? null, points };
}

/** GET /api/v1/surveys/:id/results.csv: the figures the results show, for the work-environment committee. */
export async function exportResultsCsv(req: Request, res: Response, caller: Caller, deps: SurveyRouteDeps): Promise<void> {
  const q = parseQuery(req, csvQuery);
  const r = await resultsFor(req, caller, deps, q);
  if (!r.round) throw notFound('round_not_found', 'This survey has no round yet');
  const locale = q.locale ?? deps.defaultLocale;
  const questions = new Map(r.survey.definition.questions.map((question) => [question.id, question] as const));
  const optionText = (questionId: string, value: string) => {
    const question = questions.get(questionId);
    return question && 'options' in question ? (question.options.find((o) => o.id === value)?.text[locale] ?? value) : value;
  };
  const rows = resultsCsvRows(r.municipality, r.visible, (id) => questions.get(id)?.text[locale] ?? id, optionText, locale);
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="digipuls-survey-${r.survey.id.slice(0, 8)}-round-${r.round.number}.csv"`,
    'cache-control': 'no-store',
  });
  res.end(`\uFEFF${stringify([RESULTS_CSV_HEADER, ...rows])}`);
}

/** POST /api/v1/surveys/:id/rounds/:roundId/follow-ups: "you said, we did", sent to the round's audience. */
export async function postFollowUp(req: Request, res: Response, caller: Caller, deps: SurveyRouteDeps) {
  const { access, units } = await accessOf(caller, deps);
  const survey = await surveyOf(caller, deps, req.params.id);
  requireManage(access, survey, units);
  const body = parseJsonBody(req, followUpSchema);
  const person = await deps.directory.findPerson(caller.tenantId, caller.id);
  const followUp = await deps.commands.followUp(caller.tenantId, survey.id, req.params.roundId, body.text, {
    aadObjectId: caller.id,
    role: access.authorRole!,
    name: person?.displayName ?? caller.name,
  });
  res.status(201);
  return followUp;
}
