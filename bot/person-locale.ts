import type { TurnContext } from 'botbuilder';
import type { DirectoryRepository } from '../core/directory.js';
import { localeFromTag, type Locale } from '../core/locale.js';
import { tenantOf } from './tenant-guard.js';

/**
 * The language to answer a person in: the one they chose in chat (or the directory holds), else
 * their Teams client's, else the configured default. `wroteIn` (the languages of the word they
 * wrote) narrows the last two: someone whose Teams is in English but who writes "hjälp" is answered
 * in Swedish, and a nynorsk client writing "hjelp" still gets nynorsk.
 */
export async function personLocale(
  context: TurnContext,
  directory: DirectoryRepository,
  fallback: Locale,
  wroteIn: readonly Locale[] = [],
): Promise<Locale> {
  const aadObjectId = context.activity.from?.aadObjectId;
  const tenantId = tenantOf(context.activity);
  const person = aadObjectId && tenantId ? await directory.findPerson(tenantId, aadObjectId) : undefined;
  if (person?.preferredLocale) return person.preferredLocale;
  const client = localeFromTag(context.activity.locale);
  if (wroteIn.length === 0) return client ?? fallback;
  if (client && wroteIn.includes(client)) return client;
  return wroteIn.includes(fallback) ? fallback : wroteIn[0]!;
}
