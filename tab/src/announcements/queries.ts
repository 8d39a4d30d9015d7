/** The API paths of the reach page. */
const base = '/api/v1/announcements';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const announcementsPath = base;
export const previewPath = (locale: string) => `${base}/preview?locale=${encodeURIComponent(locale)}`;
export const announcementPath = one;
export const cancelPath = (id: string) => `${one(id)}/cancel`;
export const progressPath = (id: string) => `${one(id)}/progress`;
export const reachPath = (id: string) => `${one(id)}/reach`;
export const timelinePath = (id: string) => `${one(id)}/timeline`;
export const unreachedPath = (id: string) => `${one(id)}/unreached`;
export const reminderPath = (id: string) => `${one(id)}/reminder`;
export const briefingPath = (id: string, unitId: string) => `${one(id)}/briefing?unitId=${encodeURIComponent(unitId)}`;
