import type { Response } from 'restify';
import { DigipulsError } from '../core/errors.js';

/** An RFC 9457 problem document with our stable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, code: string, detail?: string, extensions: Record<string, unknown> = {}): Problem {
  return {
    type: `https://digipuls.no/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    ...(detail ? { detail } : {}),
    ...extensions,
  };
}

/** Writes a problem+json response. */
export function sendProblem(res: Response, body: Problem, headers: Record<string, string> = {}): void {
  res.writeHead(body.status, { 'content-type': 'application/problem+json', ...headers });
  res.end(JSON.stringify(body));
}

/** Turns any thrown value into a problem: our typed errors keep their status and code; the rest is a 500 that leaks nothing. */
export function problemFromError(error: unknown): Problem {
  if (error instanceof DigipulsError) return problem(error.status, error.code, error.message, error.details ?? {});
  return problem(500, 'internal_error', 'Something went wrong on our side. It has been logged.');
}
