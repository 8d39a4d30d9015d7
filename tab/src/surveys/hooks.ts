import { useCallback, useState } from 'react';
import { useLoad } from '../adoption/use-load';
import { ApiError } from '../api';
import { useSession } from '../session';
import { resultsPath, surveysPath, templatesPath, trendPath, unitsPath } from './queries';
import type { OrgUnit, SurveyList, SurveyResults, SurveyTemplate, SurveyTrend } from './types';

/** The surveys this person may see, and whether they may create one. `version` reloads after a change. */
export function useSurveys(version: number) {
  const { api } = useSession();
  return useLoad(`surveys|${version}`, () => api.get<SurveyList>(surveysPath));
}

/** A round's results (the latest when `roundId` is null); nothing is asked until the survey has a round. */
export function useResults(surveyId: string, roundId: string | null, version: number, enabled: boolean) {
  const { api } = useSession();
  return useLoad(`${surveyId}|${roundId}|${version}|${enabled}`, () => (enabled ? api.get<SurveyResults>(resultsPath(surveyId, roundId)) : Promise.resolve(null)));
}

/** A survey's results across its rounds, for the municipality (null) or one unit. */
export function useTrend(surveyId: string, unitId: string | null) {
  const { api } = useSession();
  return useLoad(`${surveyId}|${unitId}`, () => api.get<SurveyTrend>(trendPath(surveyId, unitId)));
}

export function useTemplates() {
  const { api } = useSession();
  return useLoad('templates', () => api.get<{ templates: SurveyTemplate[] }>(templatesPath));
}

/**
 * The units an audience can be picked from. Without a unit list on the server (404) the person's own
 * units stand in, so a unit lead can still send to their unit.
 */
export function useUnits() {
  const { api, me } = useSession();
  return useLoad('units', async (): Promise<{ units: OrgUnit[]; complete: boolean }> => {
    try {
      return { ...(await api.get<{ units: OrgUnit[] }>(unitsPath)), complete: true };
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        return { units: me.units.map((u) => ({ id: u.id, parentId: null, name: u.name, path: u.path })), complete: false };
      }
      throw error;
    }
  });
}

/** A call that changes something: busy while it runs, and the API's problem when it fails. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (caught) {
      setError(caught);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clear: () => setError(null) };
}
