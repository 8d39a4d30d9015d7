/** A small seeded PRNG (mulberry32 over a string hash): the same seed gives the same municipality. */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number in [min, maxInclusive]. */
  int(min: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** 32 random bits as an unsigned integer. */
  uint32(): number;
}

/** A 32-bit hash of a string (the seeding step of cyrb53, cut to 32 bits). */
export function hashString(text: string): number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32 seeded from a string. */
export function seededRandom(seed: string): Random {
  let state = hashString(seed);
  const uint32 = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = () => uint32() / 4294967296;
  return {
    next,
    uint32,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
  };
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

/** A version-4-shaped GUID from four random words (cheap enough for 50,000 people). */
export function guidFrom(random: Random): string {
  const a = hex8(random.uint32());
  const b = hex8(random.uint32());
  const c = hex8(random.uint32());
  const d = hex8(random.uint32());
  const variant = ((parseInt(c[0]!, 16) & 3) | 8).toString(16);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
}

/** A GUID derived from a seed and a label, stable across runs. */
export function seededGuid(seed: string, label: string): string {
  return guidFrom(seededRandom(`${seed}:${label}`));
}
