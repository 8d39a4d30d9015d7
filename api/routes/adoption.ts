import { stringify } from 'csv-stringify/sync';
import type { Request, Response } from 'restify';
import { z } from 'zod';
import { REPORT_PERIODS } from '../../core/adoption.js';
import type { AdoptionStore } from '../../core/adoption-store.js';
import { ADOPTION_CSV_HEADER, adoptionCsvRows, adoptionView, type AdoptionScope, type AdoptionView } from '../../core/adoption-view.js';
import type { DirectoryRepository } from '../../core/directory.js';
import { badRequest, DigipulsError, forbidden, notFound } from '../../core/errors.js';
import { parseUnitMappingCsv } from '../../core/unit-mapping-csv.js';
import { isWithinUnit } from '../../core/units.js';
import type { Caller } from '../auth/caller.js';
import { parseQuery } from '../query.js';

export interface AdoptionRouteDeps {
  adoption: AdoptionStore;
  directory: DirectoryRepository;
}

const query = z.strictObject({
  period: z.enum(REPORT_PERIODS, { error: `period must be one of ${REPORT_PERIODS.join(', ')}` }).default('D30'),
  date: z.iso.date({ error: 'date must be YYYY-MM-DD' }).optional(),
  unit: z.uuid({ error: 'unit must be a unit id' }).optional(),
});

const parseAdoptionQuery = (req: Request) => parseQuery(req, query);

/** Adoption admins see the whole municipality; unit leads the subtrees of their own units; nobody else. */
async function scopeOf(caller: Caller, directory: DirectoryRepository): Promise<AdoptionScope> {
  if (caller.roles.includes('AdoptionAdmin')) return { all: true };
  if (caller.roles.includes('UnitLead')) {
    const unit = await directory.unitOf(caller.tenantId, caller.id);
    return { unitPaths: unit ? [unit.path] : [] };
  }
  throw forbidden('forbidden', 'Adoption figures are for adoption admins and unit leads');
}

async function viewFor(caller: Caller, deps: AdoptionRouteDeps, q: ReturnType<typeof parseAdoptionQuery>): Promise<{ view: AdoptionView | null; scope: AdoptionScope }> {
  const scope = await scopeOf(caller, deps.directory);
  const snapshot = await deps.adoption.getSnapshot(caller.tenantId, q.period, q.date);
  if (!snapshot) {
    if (q.date) throw notFound('snapshot_not_found', `No ${q.period} adoption snapshot of ${q.date}`);
    return { view: null, scope };
  }
  let unitPath: string[] | undefined;
  if (q.unit) {
    unitPath = snapshot.units.find((u) => u.unit.id === q.unit)?.unit.path;
    if (!unitPath) throw notFound('unit_not_found', 'No such unit in this snapshot');
  }
  const view = adoptionView(snapshot, scope, { unitPath });
  if (q.unit && view.units.length === 0) throw forbidden('forbidden', 'That unit is not one of yours');
  return { view, scope };
}

/** GET /api/v1/adoption: a snapshot's figures per unit, as the caller may see them. */
export async function getAdoption(req: Request, caller: Caller, deps: AdoptionRouteDeps) {
  const q = parseAdoptionQuery(req);
  const { view } = await viewFor(caller, deps, q);
  const snapshots = (await deps.adoption.listSnapshots(caller.tenantId, q.period)).map((s) => ({ period: s.period, reportDate: s.reportDate, concealed: s.concealed }));
  const concealed = view?.concealed ?? false;
  return {
    period: q.period,
    reportDate: view?.reportDate ?? null,
    snapshots,
    minGroupSize: view?.minGroupSize ?? null,
    concealed,
    notice: concealed ? { code: 'concealed_names', setting: 'displayConcealedNames' } : null,
    tenant: view?.tenant ?? null,
    units: view?.units ?? [],
    communities: view?.communities ?? [],
  };
}

/** GET /api/v1/adoption/trend: one unit's (or the municipality's) figures over every snapshot of a period. */
export async function getAdoptionTrend(req: Request, caller: Caller, deps: AdoptionRouteDeps) {
  const q = parseAdoptionQuery(req);
  const scope = await scopeOf(caller, deps.directory);
  if (!q.unit) {
    if (!('all' in scope)) throw forbidden('forbidden', 'The municipality as a whole is for adoption admins; name one of your units');
    return { unitId: null, points: await deps.adoption.trend(caller.tenantId, q.period, null) };
  }
  if (!('all' in scope)) {
    const units = await deps.directory.listUnits(caller.tenantId);
    const unit = units.find((u) => u.id === q.unit);
    if (!unit || !scope.unitPaths.some((root) => isWithinUnit(unit.path, root))) throw forbidden('forbidden', 'That unit is not one of yours');
  }
  return { unitId: q.unit, points: await deps.adoption.trend(caller.tenantId, q.period, q.unit) };
}

/** GET /api/v1/adoption/export.csv: exactly the rows the view shows, as CSV (UTF-8 with BOM, so Excel reads ø and å). */
export async function exportAdoptionCsv(req: Request, res: Response, caller: Caller, deps: AdoptionRouteDeps): Promise<void> {
  const q = parseAdoptionQuery(req);
  const { view } = await viewFor(caller, deps, q);
  if (!view) throw notFound('snapshot_not_found', `No ${q.period} adoption snapshot yet`);
  const csv = stringify([ADOPTION_CSV_HEADER, ...adoptionCsvRows(view)]);
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="digipuls-adoption-${view.period}-${view.reportDate}.csv"`,
    'cache-control': 'no-store',
  });
  res.end(`\uFEFF${csv}`);
}

function requireAdmin(caller: Caller) {
  if (!caller.roles.includes('AdoptionAdmin')) throw forbidden('forbidden', 'The unit mapping is for adoption admins');
}

/** GET /api/v1/adoption/unit-mapping */
export async function getUnitMapping(caller: Caller, deps: AdoptionRouteDeps) {
  requireAdmin(caller);
  return { rules: await deps.adoption.listUnitMappings(caller.tenantId) };
}

/** PUT /api/v1/adoption/unit-mapping with a CSV body (department, unit): replaces the mapping, or refuses it whole. */
export async function putUnitMapping(req: Request, caller: Caller, deps: AdoptionRouteDeps) {
  requireAdmin(caller);
  const type = (req.header('content-type') ?? '').toLowerCase();
  if (!type.startsWith('text/csv')) throw new DigipulsError(415, 'unsupported_media_type', 'Send the mapping as text/csv with the columns department and unit');
  const body: unknown = req.body;
  const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : '';
  if (!text.trim()) throw badRequest('invalid_unit_mapping', 'The body is empty: send a CSV file with the columns department and unit');
  const rules = parseUnitMappingCsv(text, 'the uploaded file');
  await deps.adoption.replaceUnitMappings(caller.tenantId, rules);
  return { rules };
}
