import type { Period } from './types';

/** The API paths of the adoption view, with only the parameters that are set. */
function withQuery(path: string, query: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  return `${path}?${params.toString()}`;
}

export const reportPath = (period: Period, date: string | null) => withQuery('/api/v1/adoption', { period, date });
export const trendPath = (period: Period, unitId: string | null) => withQuery('/api/v1/adoption/trend', { period, unit: unitId });
export const exportPath = (period: Period, date: string | null, unitId: string | null) =>
  withQuery('/api/v1/adoption/export.csv', { period, date, unit: unitId });
