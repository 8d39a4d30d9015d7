import { localeFromTag, type Locale } from '../core/locale.js';

/** What a person can write to the bot. */
export type Command =
  | { kind: 'help'; impliedLocale?: Locale }
  | { kind: 'language'; locale?: Locale; impliedLocale: Locale }
  | { kind: 'privacy' }
  | { kind: 'stopNudges'; impliedLocale: Locale }
  | { kind: 'startNudges'; impliedLocale: Locale }
  | { kind: 'unknown' };

const LANGUAGE_WORDS: Record<string, Locale> = {
  bokmål: 'nb', bokmal: 'nb', norsk: 'nb', nb: 'nb', no: 'nb',
  nynorsk: 'nn', nn: 'nn',
  svenska: 'sv', svensk: 'sv', sv: 'sv', swedish: 'sv',
  english: 'en', engelsk: 'en', engelska: 'en', en: 'en',
};

/**
 * Reads a chat message as a command. Case, punctuation and a leading @mention are ignored; the
 * help word also says which language the person wrote in ("hjälp" is Swedish).
 */
export function parseCommand(text: string | undefined): Command {
  const words = (text ?? '')
    .replace(/<at>.*?<\/at>/gi, ' ')
    .toLowerCase()
    .replace(/[!?.,:;«»"”]/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const [first, second] = words;
  switch (first) {
    case 'hjelp':
      return { kind: 'help', impliedLocale: 'nb' };
    case 'hjälp':
      return { kind: 'help', impliedLocale: 'sv' };
    case 'help':
      return { kind: 'help', impliedLocale: 'en' };
    case 'språk':
    case 'sprak':
    case 'language':
    case 'lang':
      return {
        kind: 'language',
        locale: second ? (LANGUAGE_WORDS[second] ?? localeFromTag(second)) : undefined,
        // "språk" is Norwegian (and Swedish): ask in Norwegian until the person has chosen.
        impliedLocale: first.startsWith('spr') ? 'nb' : 'en',
      };
    case 'stopp':
      return { kind: 'stopNudges', impliedLocale: 'nb' };
    case 'stop':
      return { kind: 'stopNudges', impliedLocale: 'en' };
    case 'start':
      return { kind: 'startNudges', impliedLocale: 'nb' };
    case 'personvern':
    case 'integritet':
    case 'privacy':
      return { kind: 'privacy' };
    default:
      return { kind: 'unknown' };
  }
}
