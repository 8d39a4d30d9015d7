/**
 * A failure the caller can act on. `code` is stable (clients and tests match on it, never on the
 * message); `status` is the HTTP status the API edge answers with; `messageKey` is the i18next key
 * for the text a person sees.
 */
export class DigipulsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DigipulsError';
  }

  get messageKey(): string {
    return `errors.${this.code}`;
  }
}

export const badRequest = (code: string, message: string, details?: Record<string, unknown>) =>
  new DigipulsError(400, code, message, details);
export const unauthorized = (code: string, message: string) => new DigipulsError(401, code, message);
export const forbidden = (code: string, message: string) => new DigipulsError(403, code, message);
export const notFound = (code: string, message: string) => new DigipulsError(404, code, message);
export const unavailable = (code: string, message: string) => new DigipulsError(503, code, message);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) => new DigipulsError(409, code, message, details);

/** Runs `read`; a 400 it throws is placed at the body field `path` (`details.path` and `errors[]`), as the tab places a refused field. */
export function placedAt<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof DigipulsError && error.status === 400) throw new DigipulsError(400, error.code, error.message, { ...error.details, path, errors: [{ path, message: error.message }] });
    throw error;
  }
}
