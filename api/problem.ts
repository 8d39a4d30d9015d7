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
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
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

/** restify's own errors by class name (restify-errors), with the codes our clients match on. */
const RESTIFY_CODES: Record<string, string> = {
  ResourceNotFoundError: 'not_found',
  MethodNotAllowedError: 'method_not_allowed',
  InvalidContentError: 'invalid_json',
  PayloadTooLargeError: 'payload_too_large',
  UnsupportedMediaTypeError: 'unsupported_media_type',
};

/** The problem for an error restify raised before any route ran. */
export function problemFromRestifyError(error: Error & { statusCode?: number }): Problem {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
  if (status >= 500) return problem(500, 'internal_error', 'Something went wrong on our side. It has been logged.');
  return problem(status, RESTIFY_CODES[error.name] ?? 'bad_request', error.message);
}
