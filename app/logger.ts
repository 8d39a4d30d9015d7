import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

/** JSON logs on stdout (what App Service and container hosts collect); secrets redacted. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'digipuls' },
    redact: ['req.headers.authorization', '*.appPassword', '*.clientSecret', '*.conversationReference'],
  });
}
