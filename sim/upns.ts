/** Unique UPNs: the first "kari.nilsen", then "kari.nilsen2", … (local parts hold no digits, so these never clash). */
export class UpnRegistry {
  private readonly uses = new Map<string, number>();
  constructor(private readonly domain: string) {}
  reserve(local: string): void {
    this.uses.set(local, Math.max(1, this.uses.get(local) ?? 0));
  }
  next(local: string): string {
    const n = (this.uses.get(local) ?? 0) + 1;
    this.uses.set(local, n);
    return `${n === 1 ? local : `${local}${n}`}@${this.domain}`;
  }
}


/** Names come from short lists, so folding each once saves most of the work for 50,000 people. */
const asciiCache = new Map<string, string>();
function ascii(name: string): string {
  let plain = asciiCache.get(name);
  if (plain === undefined) {
    plain = name.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'aa').normalize('NFD').replace(/[^a-z]/g, '');
    asciiCache.set(name, plain);
  }
  return plain;
}

/** "Kari Nilsen" → "kari.nilsen"; æ ø å and accents folded to ASCII. */
export const localPart = (givenName: string, surname: string) => `${ascii(givenName)}.${ascii(surname)}`;
