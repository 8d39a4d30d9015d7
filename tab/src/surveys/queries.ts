/** The API paths of the survey pages, with only the parameters that are set. */
function withQuery(path: string, query: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

const base = '/api/v1/surveys';
const one = (surveyId: string) => `${base}/${encodeURIComponent(surveyId)}`;

export const surveysPath = base;
export const templatesPath = `${base}/templates`;
export const previewPath = `${base}/preview`;
export const unitsPath = '/api/v1/units';
export const surveyPath = (surveyId: string) => one(surveyId);
export const closePath = (surveyId: string) => `${one(surveyId)}/close`;
export const resultsPath = (surveyId: string, roundId: string | null, unitId: string | null = null) =>
  withQuery(`${one(surveyId)}/results`, { round: roundId, unit: unitId });
export const trendPath = (surveyId: string, unitId: string | null) => withQuery(`${one(surveyId)}/trend`, { unit: unitId });
/** The CSV of a round, with question and option texts in `locale`. */
export const exportPath = (surveyId: string, roundId: string | null, locale: string, unitId: string | null = null) =>
  withQuery(`${one(surveyId)}/results.csv`, { round: roundId, unit: unitId, locale });
export const groupsPath = (search: string) => withQuery('/api/v1/groups', { search: search.trim() || null });
export const followUpsPath = (surveyId: string, roundId: string) => `${one(surveyId)}/rounds/${encodeURIComponent(roundId)}/follow-ups`;
