import assert from 'node:assert/strict';
import type { SurveySchedule } from '../../core/survey-store.js';
import type { SurveyDefinition } from '../../core/survey.js';
import type { TestStack } from './stack.js';

/** The demo people the simulator signs in, one per role. */
export type Persona = 'communicator' | 'unitLead' | 'admin' | 'safetyRep' | 'staff';

/** A problem document as the API sends it. */
export interface ProblemBody {
  status: number;
  code: string;
  detail?: string;
}

/** Calls the real API as the demo people, with their own tokens from the simulator. */
export async function surveyApi(stack: TestStack) {
  const demo = stack.sim.municipality.demoPersons;
  const personas: Persona[] = ['communicator', 'unitLead', 'admin', 'safetyRep', 'staff'];
  const tokens = Object.fromEntries(await Promise.all(personas.map(async (p) => [p, await stack.sim.issueUserToken(demo[p].id)] as const))) as Record<Persona, string>;

  /** A request; a body that is not a string is sent as JSON. */
  const call = (as: Persona, method: string, path: string, body?: unknown, contentType = 'application/json') =>
    fetch(`${stack.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[as]}`, ...(body === undefined ? {} : { 'content-type': contentType }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

  /** The JSON of a request that must answer `status` (200 unless told). */
  const json = async <T>(as: Persona, method: string, path: string, body?: unknown, status = method === 'POST' && !path.endsWith('/close') && !path.endsWith('/preview') ? 201 : 200): Promise<T> => {
    const response = await call(as, method, path, body);
    assert.equal(response.status, status, `${method} ${path} as ${as}: ${await response.clone().text()}`);
    return (await response.json()) as T;
  };

  return { tokens, call, json, get: <T>(as: Persona, path: string) => json<T>(as, 'GET', path) };
}

/**
 * Asserts a refusal: the status, the stable code, and a detail that names what is wrong in words a
 * person can act on (`detail` must match; no stack trace or library jargon).
 */
export async function assertProblem(response: Response, status: number, code: string, detail: RegExp, label = ''): Promise<ProblemBody> {
  const text = await response.text();
  assert.equal(response.status, status, `${label} status: ${text}`);
  assert.equal(response.headers.get('content-type'), 'application/problem+json', `${label} content type`);
  const body = JSON.parse(text) as ProblemBody;
  assert.equal(body.code, code, `${label} code: ${text}`);
  assert.match(body.detail ?? '', detail, `${label} detail: ${text}`);
  assert.doesNotMatch(body.detail ?? '', /\bat \S+:\d+|Error:|undefined is not|Cannot read/, `${label} detail leaks internals`);
  return body;
}

/** The same text in nb, nn, sv and en (marked, so a test can tell the languages apart). */
export const texts = (s: string) => ({ nb: `${s} (nb)`, nn: `${s} (nn)`, sv: `${s} (sv)`, en: `${s} (en)` });

/** A small valid survey of its own: one Likert question, one single choice, one free text. */
export function ownDefinition(): SurveyDefinition {
  return {
    title: texts('Lunsjpulsen'),
    questions: [
      { id: 'calm', kind: 'likert', text: texts('Jeg har ro til å spise lunsj'), required: true },
      { id: 'where', kind: 'single', text: texts('Hvor spiser du?'), required: true, options: [{ id: 'canteen', text: texts('Kantina') }, { id: 'desk', text: texts('Ved pulten') }] },
      { id: 'wish', kind: 'text', text: texts('Ett ønske'), required: false, maxLength: 500 },
    ],
  };
}

const DAY = 24 * 3600_000;

/**
 * A Monday 08:00 UTC (09:00 or 10:00 in Oslo, a working hour) at least `weeksAhead` weeks after the real
 * clock, so surveys created through the API (which checks dates against the real clock) stay valid
 * whenever the test runs, and dispatch passes at these times are outside quiet hours.
 */
export function mondayMorning(weeksAhead = 1): Date {
  const now = new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 8);
  const daysToMonday = (8 - new Date(today).getUTCDay()) % 7 || 7;
  return new Date(today + (daysToMonday + 7 * (weeksAhead - 1)) * DAY);
}

/** `base` moved by days and hours. */
export const later = (base: Date, days: number, hours = 0) => new Date(base.getTime() + days * DAY + hours * 3600_000);

/** A one-off schedule from `startsAt`, open `openDays` days, no reminder. */
export const onceAt = (startsAt: Date, openDays = 3): SurveySchedule => ({ startsAt: startsAt.toISOString(), openDays, recurrence: { every: 'once' }, remindAfterDays: null });
