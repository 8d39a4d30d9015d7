import { localeFromTag, type Locale } from '../core/locale.js';

/**
 * What a person can write to the bot. `wroteIn` lists the languages the word belongs to ("hjälp" is
 * Swedish, "språk" is Norwegian and Swedish, "help" says nothing): until a person has chosen a
 * language, the answer comes in one of those.
 */
export type Command =
  | { kind: 'help'; wroteIn: Locale[] }
  | { kind: 'language'; locale?: Locale; wroteIn: Locale[] }
  | { kind: 'privacy'; wroteIn: Locale[] }
  | { kind: 'stopNudges'; wroteIn: Locale[] }
  | { kind: 'startNudges'; wroteIn: Locale[] }
  | { kind: 'digest'; on: boolean; wroteIn: Locale[] }
  | { kind: 'unknown'; wroteIn: Locale[] };

const NORWEGIAN: Locale[] = ['nb', 'nn'];
const NORWEGIAN_OR_SWEDISH: Locale[] = ['nb', 'nn', 'sv'];

/** Names a person may type after "språk" / "language". */
const LANGUAGE_WORDS: Record<string, Locale> = {
  bokmål: 'nb', bokmal: 'nb', norsk: 'nb', norwegian: 'nb',
  nynorsk: 'nn',
  svenska: 'sv', svensk: 'sv', swedish: 'sv',
  english: 'en', engelsk: 'en', engelska: 'en',
};

/** The unit lead's weekly digest, by its name in each language; «digest» is understood in all. */
const DIGEST_WORDS: Record<string, Locale[]> = {
  sammendrag: ['nb'],
  samandrag: ['nn'],
  sammanfattning: ['sv'],
  veckosammanfattning: ['sv'],
  ukesammendrag: ['nb'],
  vekesamandrag: ['nn'],
  digest: [],
};

/** What may follow the digest's name: on or off, and the languages the word belongs to. */
const SWITCH_WORDS: Record<string, { on: boolean; wroteIn: Locale[] }> = {
  på: { on: true, wroteIn: NORWEGIAN_OR_SWEDISH },
  pa: { on: true, wroteIn: NORWEGIAN_OR_SWEDISH },
  av: { on: false, wroteIn: NORWEGIAN_OR_SWEDISH },
  on: { on: true, wroteIn: ['en'] },
  off: { on: false, wroteIn: ['en'] },
};

/** First words and what they mean. */
const COMMANDS: Record<string, { kind: Command['kind']; wroteIn: Locale[] }> = {
  hjelp: { kind: 'help', wroteIn: NORWEGIAN },
  hjälp: { kind: 'help', wroteIn: ['sv'] },
  help: { kind: 'help', wroteIn: [] },
  språk: { kind: 'language', wroteIn: NORWEGIAN_OR_SWEDISH },
  sprak: { kind: 'language', wroteIn: NORWEGIAN_OR_SWEDISH },
  sprog: { kind: 'language', wroteIn: NORWEGIAN },
  language: { kind: 'language', wroteIn: [] },
  lang: { kind: 'language', wroteIn: [] },
  stopp: { kind: 'stopNudges', wroteIn: NORWEGIAN_OR_SWEDISH },
  stop: { kind: 'stopNudges', wroteIn: [] },
  start: { kind: 'startNudges', wroteIn: [] },
  personvern: { kind: 'privacy', wroteIn: NORWEGIAN },
  integritet: { kind: 'privacy', wroteIn: ['sv'] },
  privacy: { kind: 'privacy', wroteIn: [] },
};

/**
 * Questions a person may ask in their own words; the words before and after them do not matter
 * ("Hei! Hva skjer med svarene mine?"). Each leads to the one privacy notice.
 */
const PHRASES: Array<{ pattern: RegExp; kind: Command['kind']; wroteIn: Locale[] }> = [
  { pattern: /\bhva skjer med (svarene|svara|svaret) mine?\b/, kind: 'privacy', wroteIn: ['nb'] },
  { pattern: /\bkva skjer med (svara|svaret) mine?\b/, kind: 'privacy', wroteIn: ['nn'] },
  { pattern: /\bvad händer med (mina svar|mitt svar|svaren)\b/, kind: 'privacy', wroteIn: ['sv'] },
  { pattern: /\bwhat happens (with|to) my answers?\b/, kind: 'privacy', wroteIn: ['en'] },
];

/**
 * Reads a chat message as a command. Case, surrounding punctuation and a leading @mention
 * (`<at>Digipuls</at>`, as Teams sends it outside personal chats) are ignored.
 */
export function parseCommand(text: string | undefined): Command {
  const words = (text ?? '')
    .replace(/<at>.*?<\/at>/gi, ' ')
    .toLowerCase()
    .replace(/[!?.,:;«»"“”'’()]/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const sentence = words.join(' ');
  const phrase = PHRASES.find((p) => p.pattern.test(sentence));
  if (phrase) return { kind: phrase.kind, wroteIn: phrase.wroteIn } as Command;
  const [first, second] = words;
  // Own keys only: «constructor on» is not a command.
  const digest = first !== undefined && Object.hasOwn(DIGEST_WORDS, first) ? DIGEST_WORDS[first] : undefined;
  const turn = second !== undefined && Object.hasOwn(SWITCH_WORDS, second) ? SWITCH_WORDS[second] : undefined;
  if (digest && turn && words.length === 2) {
    // The name tells the language best («samandrag» is nynorsk); «digest på» is told by «på».
    return { kind: 'digest', on: turn.on, wroteIn: digest.length > 0 ? digest : turn.wroteIn };
  }
  const known = first && Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!known) return { kind: 'unknown', wroteIn: [] };
  if (known.kind === 'language') {
    const locale = second ? (LANGUAGE_WORDS[second] ?? localeFromTag(second)) : undefined;
    return { kind: 'language', wroteIn: known.wroteIn, ...(locale ? { locale } : {}) };
  }
  return { kind: known.kind, wroteIn: known.wroteIn } as Command;
}
