import type { TurnContext } from 'botbuilder';
import type { DirectoryRepository } from '../core/directory.js';
import { localeFromTag, type Locale } from '../core/locale.js';
import { tenantOf } from './tenant-guard.js';

/**
 * The language to answer a person in: the one they chose (or the directory has), else the language
 * the message itself was written in ("hjälp"), else their Teams client's, else the default.
 */
export async function personLocale(
  context: TurnContext,
  directory: DirectoryRepository,
  fallback: Locale,
  implied?: Locale,
): Promise<Locale> {
  const aadObjectId = context.activity.from?.aadObjectId;
  const tenantId = tenantOf(context.activity);
  const person = aadObjectId && tenantId ? await directory.findPerson(tenantId, aadObjectId) : undefined;
  return person?.preferredLocale ?? implied ?? localeFromTag(context.activity.locale) ?? fallback;
}
