import { CHANNELS, type Channel } from '../core/adoption.js';
import type { AdoptionView } from '../core/adoption-view.js';
import { rate } from '../core/adoption-view.js';
import type { IngestResult } from './adoption-ingest.js';

/** What an admin must change when names are concealed, and why: said the same way in CLI, API and tab. */
export const CONCEALED_NAMES_ADVICE =
  'The tenant conceals user names in Microsoft 365 usage reports, so report rows cannot be joined to units: only municipality-wide figures are stored. ' +
  'To see adoption per unit, a Global or Reports administrator turns the setting off: Microsoft 365 admin center → Settings → Org settings → Services → Reports → clear ' +
  '"Display concealed user, group, and site names in all reports" (Graph: PATCH /admin/reportSettings {"displayConcealedNames": false}). ' +
  'Digipuls stays private either way: it aggregates per unit on ingestion, keeps no per-person usage, and hides groups under the minimum size.';

/** The summary `ingest` and `import-reports` print. */
export function ingestSummaryLines(result: IngestResult): string[] {
  const lines: string[] = [];
  for (const s of result.snapshots) {
    const m = s.summary;
    const rows = Object.values(m.rowsRead).reduce((a, b) => a + b, 0);
    lines.push(
      `${s.period} snapshot of ${s.reportDate}: ${rows} report rows read, ${m.staff} staff; ` +
        `${m.matched} rows matched to a unit, ${m.unmatched} unmatched (not enabled staff in the directory), ${m.deleted} of deleted users, ${m.concealed} concealed.`,
    );
  }
  if (result.snapshots.some((s) => s.concealed) || result.concealedSetting) lines.push('', CONCEALED_NAMES_ADVICE);
  return lines;
}

const SHOWN: Channel[] = ['teams', 'teamsChat', 'teamsChannel', 'teamsMeetings', 'engage'];

/** The unit tree with adoption rates, for a terminal. */
export function adoptionTreeLines(view: AdoptionView): string[] {
  const pct = (v: number | null) => (v === null ? '   –  ' : `${v.toFixed(1).padStart(5)}%`);
  const head = `${'Unit'.padEnd(52)} ${'Staff'.padStart(6)}  ${SHOWN.map((c) => c.padStart(13)).join('')}`;
  const lines = [`Adoption ${view.period}, report of ${view.reportDate} (groups under ${view.minGroupSize} hidden)`, '', head];
  if (view.tenant) lines.push(`${'Municipality'.padEnd(52)} ${String(view.tenant.staff).padStart(6)}  ${SHOWN.map((c) => pct(rate(view.tenant!.active[c], view.tenant!.staff)).padStart(13)).join('')}`);
  for (const u of view.units) {
    const name = `${'  '.repeat(u.depth)}${u.name}`.slice(0, 52).padEnd(52);
    if (u.suppressed) lines.push(`${name} ${'<' + view.minGroupSize}`.padEnd(60) + `  hidden (fewer than ${view.minGroupSize} people, or would reveal a group that small)`);
    else lines.push(`${name} ${String(u.staff).padStart(6)}  ${SHOWN.map((c) => pct(rate(u.active?.[c], u.staff)).padStart(13)).join('')}`);
  }
  if (view.concealed) lines.push('', CONCEALED_NAMES_ADVICE);
  return lines;
}

/** The JSON form: a list of {unit, staff, active: {...}, suppressed}, the municipality first. */
export function adoptionJson(view: AdoptionView) {
  const zero = Object.fromEntries(CHANNELS.map((c) => [c, null]));
  return [
    ...(view.tenant ? [{ unit: null, path: [], staff: view.tenant.staff, active: view.tenant.active, devices: view.tenant.devices, suppressed: false }] : []),
    ...view.units.map((u) => ({ unit: u.path.join(' / '), path: u.path, staff: u.staff, active: u.active ?? zero, devices: u.devices, suppressed: u.suppressed })),
  ];
}
