import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { REPORT_PERIODS, type ReportPeriod } from '../core/adoption.js';
import type { SimContext } from './context.js';
import { formatSeconds, RateLimiter, sendTooManyRequests } from './faults.js';
import { graphAuthorised } from './graph-auth.js';
import { graphError, jsonOf, sendJson, type Router, type SimRequest } from './http.js';
import { REPORT_FUNCTIONS, type ReportFunction } from './report-csv.js';
import type { UsageReports } from './report-state.js';

/** Pre-authenticated download URLs live a few minutes, as Microsoft's do. */
export const DEFAULT_DOWNLOAD_SECONDS = 300;

export interface ReportRoutesOptions {
  /** Where download URLs point for a caller: another origin, as reports.office.com is to graph.microsoft.com. */
  downloadOrigin(req: SimRequest): string;
  downloadSeconds?: number;
  rateLimit?: { requests: number; windowSeconds: number };
}

interface Download {
  report: ReportFunction;
  period: ReportPeriod;
  date: string;
  concealed: boolean;
  expires: number;
}

const FUNCTION_BY_LOWER = new Map<string, ReportFunction>(REPORT_FUNCTIONS.map((f) => [f.toLowerCase(), f]));

/**
 * Microsoft Graph usage reports: `GET /v1.0/reports/{function}(period='D30')` → 302 to a short-lived
 * download URL that needs (and refuses) no token; the CSV there. And `/v1.0/admin/reportSettings`.
 */
export function registerReports(router: Router, ctx: SimContext, reports: UsageReports, options: ReportRoutesOptions): void {
  const downloads = new Map<string, Download>();
  const limiter = options.rateLimit ? new RateLimiter(options.rateLimit) : undefined;
  const lifetimeMs = (options.downloadSeconds ?? DEFAULT_DOWNLOAD_SECONDS) * 1000;

  router.on('GET', '/v1.0/reports/:call', async (req, res) => {
    if (!(await graphAuthorised(ctx, req, res, ['Reports.Read.All']))) return;
    if (ctx.faults.answer('reports', res)) return;
    const call = parseCall(req.params.call!);
    if (typeof call === 'string') return sendJson(res, 400, graphError('BadRequest', call));
    // Microsoft counts the calls it answers, whether or not the file is then fetched.
    const wait = limiter?.take();
    if (wait != null) return sendTooManyRequests(res, formatSeconds(wait));
    const now = Date.now();
    for (const [token, d] of downloads) if (d.expires <= now) downloads.delete(token);
    const token = randomBytes(24).toString('base64url');
    downloads.set(token, { ...call, date: reports.reportDate, concealed: reports.concealed, expires: now + lifetimeMs });
    res.writeHead(302, { location: `${options.downloadOrigin(req)}/reports-download/${token}`, 'content-type': 'text/plain', 'cache-control': 'no-store' });
    res.end();
  });

  router.on('GET', '/reports-download/:token', (req, res) => {
    // Azure storage refuses a SAS URL that also carries a bearer token; so must the client not forward it.
    if (req.headers.authorization !== undefined) {
      return storageError(res, 400, 'InvalidAuthenticationInfo', 'Authentication information is not given in the correct format. The URL is pre-authenticated: send no Authorization header.');
    }
    const download = downloads.get(req.params.token!);
    if (!download || download.expires <= Date.now()) return storageError(res, 404, 'BlobNotFound', 'The specified blob does not exist or its link has expired.');
    const csv = reports.csv(download.report, download.period, download);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(csv.length), 'cache-control': 'no-store' });
    res.end(csv);
  });

  router.on('GET', '/v1.0/admin/reportSettings', async (req, res) => {
    if (!(await graphAuthorised(ctx, req, res, ['ReportSettings.Read.All', 'ReportSettings.ReadWrite.All']))) return;
    if (ctx.faults.answer('reportSettings', res)) return;
    sendJson(res, 200, { '@odata.context': `${req.origin}/v1.0/$metadata#admin/reportSettings/$entity`, displayConcealedNames: reports.concealed });
  });

  router.on('PATCH', '/v1.0/admin/reportSettings', async (req, res) => {
    if (!(await graphAuthorised(ctx, req, res, ['ReportSettings.ReadWrite.All']))) return;
    if (ctx.faults.answer('reportSettings', res)) return;
    const body = jsonOf(req);
    const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).displayConcealedNames : undefined;
    if (typeof value !== 'boolean') {
      return sendJson(res, 400, graphError('BadRequest', "The body must be a JSON object with a boolean 'displayConcealedNames'."));
    }
    reports.concealed = value;
    res.writeHead(204, { 'cache-control': 'no-store' });
    res.end();
  });
}

/** `getTeamsUserActivityUserDetail(period='D30')` (quotes may arrive percent-encoded; the router decoded them). */
function parseCall(call: string): { report: ReportFunction; period: ReportPeriod } | string {
  const match = /^(\w+)\((.*)\)$/.exec(call);
  const report = match ? FUNCTION_BY_LOWER.get(match[1]!.toLowerCase()) : undefined;
  if (!match || !report) return `Resource not found for the segment '${call}'.`;
  const period = /^period='([^']*)'$/.exec(match[2]!.trim())?.[1];
  if (period === undefined) {
    if (/^date=/.test(match[2]!.trim())) return `The simulator serves ${report} by period only: use period='D7', 'D30', 'D90' or 'D180'.`;
    return `Invalid parameters for ${report}: expected period='D7', 'D30', 'D90' or 'D180'.`;
  }
  if (!(REPORT_PERIODS as readonly string[]).includes(period)) return `Invalid value '${period}' for the period parameter. Supported values are D7, D30, D90 and D180.`;
  return { report, period: period as ReportPeriod };
}

function storageError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': code, 'cache-control': 'no-store' });
  res.end(`\uFEFF<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}\nTime:${new Date().toISOString()}</Message></Error>`);
}
