import { createHash } from 'node:crypto';

/**
 * Whether a person is in the hold-out: a share of staff who never get a nudge, so that the change in
 * the others' activity can be told from what would have happened anyway. The draw is a pure function
 * of the tenant's seed and the person's id, so nothing about it is stored, a person stays in their arm
 * across ingestions and instances, and each unit holds out about the same share.
 */
export function isHeldOut(seed: string, aadObjectId: string, percent: number): boolean {
  return holdOutDraw(seed, aadObjectId) < percent / 100;
}

/** A uniform number in [0, 1) for a person: the first 48 bits of SHA-256(seed, id). */
export function holdOutDraw(seed: string, aadObjectId: string): number {
  const digest = createHash('sha256').update(seed).update('\0').update(aadObjectId.toLowerCase()).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}
