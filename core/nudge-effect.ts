/** One arm of a unit (or of the whole municipality) at a measurement. */
export interface ArmMeasurement {
  staff: number;
  /** Staff with Teams activity since the cohort began. */
  activeSince: number;
}

export interface EffectInput {
  nudged: ArmMeasurement & {
    /** Staff of the nudged arm who actually got at least one tip since the cohort began. */
    reached: number;
  };
  heldOut: ArmMeasurement;
}

/** The estimated effect of getting tips on Teams activity, in points of share (0.15 = 15 points). */
export interface EffectEstimate {
  /** Share active since the cohort began, per arm. */
  nudgedShare: number;
  heldOutShare: number;
  /** Share of the nudged arm who got a tip. */
  reachedShare: number;
  /** The effect on those who got tips, and its 95 % confidence interval. */
  effect: number;
  low: number;
  high: number;
  /** True when the interval does not hold 0: the data show an effect, up or down. */
  significant: boolean;
}

const Z95 = 1.959964;

/**
 * The effect of the tips on those who got them, from aggregates only. The hold-out is drawn at random,
 * so the two arms differ only by chance and by the tips: the difference in their share of staff
 * active since the cohort began is the effect of being offered tips (intention to treat). Only part
 * of the nudged arm qualified and could be reached, and the held-out never get tips, so dividing by the
 * share reached gives the effect on those who got them (the Bloom estimator). The interval is the
 * delta method's, counting the uncertainty of both shares and of the share reached.
 * Returns null when an arm is empty or nobody was reached.
 */
export function estimateEffect(input: EffectInput): EffectEstimate | null {
  const { nudged, heldOut } = input;
  if (nudged.staff === 0 || heldOut.staff === 0 || nudged.reached === 0) return null;
  const pn = nudged.activeSince / nudged.staff;
  const ph = heldOut.activeSince / heldOut.staff;
  const c = nudged.reached / nudged.staff;
  const itt = pn - ph;
  const effect = itt / c;
  const varItt = (pn * (1 - pn)) / nudged.staff + (ph * (1 - ph)) / heldOut.staff;
  const varC = (c * (1 - c)) / nudged.staff;
  const se = Math.sqrt(varItt / (c * c) + (itt * itt * varC) / c ** 4);
  const low = effect - Z95 * se;
  const high = effect + Z95 * se;
  return { nudgedShare: pn, heldOutShare: ph, reachedShare: c, effect, low, high, significant: low > 0 || high < 0 };
}
