/**
 * Calendar days as whole numbers (days since 1970-01-01, UTC). The usage model loops over days for
 * tens of thousands of people, so it works on integers and turns them into YYYY-MM-DD only for output.
 */
const MS_PER_DAY = 86_400_000;

export function dayOf(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const day = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY : NaN;
  // Date.UTC rolls 2026-02-31 over into March; a date that does not round-trip is not a date.
  if (!Number.isInteger(day) || dateOf(day) !== isoDate) throw new RangeError(`Not a date (YYYY-MM-DD): ${isoDate}`);
  return day;
}

/** Reports name the same few hundred days again and again: each is formatted once. */
const formatted = new Map<number, string>();
export function dateOf(day: number): string {
  let date = formatted.get(day);
  if (date === undefined) {
    date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (formatted.size < 100_000) formatted.set(day, date);
  }
  return date;
}

/** Saturday or Sunday (1970-01-01 was a Thursday). */
export function isWeekend(day: number): boolean {
  const weekday = (day + 4) % 7;
  return weekday === 0 || weekday === 6;
}

/** Today (UTC) minus two days: Microsoft's reports lag 24–48 hours behind. */
export function defaultReportDate(now = new Date()): string {
  return dateOf(Math.floor(now.getTime() / MS_PER_DAY) - 2);
}
