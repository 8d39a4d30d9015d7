/** One arm of a unit (or of the whole municipality): who qualified when the cohort began, and who still does. */
export interface ArmMeasurement {
  /** Staff who qualified (last active in Teams before the cohort's line, or never) when it began. */
  eligible: number;
  /** Staff still on the far side of that line at the measurement: not active in Teams since. */
  stillInactive: number;
}

export interface EffectInput {
  nudged: ArmMeasurement & {
    /** Staff of the nudged arm who actually got at least one tip of the cohort. */
    reached: number;
  };
  heldOut: ArmMeasurement;
}

/** The estimated effect of getting tips on starting to use Teams, in points of share (0.15 = 15 points). */
export interface EffectEstimate {
  /** Share of those who qualified who have been active since, per arm. */
  nudgedShare: number;
  heldOutShare: number;
  /** Share of the nudged arm's qualified who got a tip. */
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
 * The effect of the tips on those who got them, from counts only. Who qualified is known per arm when
 * the cohort begins; at a later report, who qualified and has since been active is exactly those who
 * qualified less those still behind the same line (a person's last activity only moves forward), so no
 * list of who qualified is needed. The hold-out is drawn at random, so the arms differ only by chance
 * and by the tips: the difference in their shares is the effect of being offered tips. Only part of
 * the nudged arm could be reached (the app not installed, «stopp»), so dividing by the share reached
 * gives the effect on those who got them (the Bloom estimator). The interval is the delta method's,
 * counting the uncertainty of both shares and of the share reached.
 * Returns null when an arm had nobody qualifying or nobody was reached.
 */
export function estimateEffect(input: EffectInput): EffectEstimate | null {
  const { nudged, heldOut } = input;
  if (nudged.eligible === 0 || heldOut.eligible === 0 || nudged.reached === 0) return null;
  const pn = startedShare(nudged);
  const ph = startedShare(heldOut);
  const c = Math.min(1, nudged.reached / nudged.eligible);
  const itt = pn - ph;
  const effect = itt / c;
  // Few start within weeks, and a hold-out is small: with a share near 0 the plain variance would be
  // near 0 too. Adding one who started and one who did not to each arm (Agresti and Caffo) keeps the
  // interval honest for small counts.
  const varItt = adjustedVariance(nudged) + adjustedVariance(heldOut);
  const varC = (c * (1 - c)) / (nudged.eligible + 2);
  const se = Math.sqrt(varItt / (c * c) + (itt * itt * varC) / c ** 4);
  const low = effect - Z95 * se;
  const high = effect + Z95 * se;
  return { nudgedShare: pn, heldOutShare: ph, reachedShare: c, effect, low, high, significant: low > 0 || high < 0 };
}

/** Share of those who qualified who have been active since; staff who joined or left in between can push the count past the bounds. */
function startedShare(arm: ArmMeasurement): number {
  return Math.min(1, Math.max(0, (arm.eligible - arm.stillInactive) / arm.eligible));
}

function adjustedVariance(arm: ArmMeasurement): number {
  const p = (startedShare(arm) * arm.eligible + 1) / (arm.eligible + 2);
  return (p * (1 - p)) / (arm.eligible + 2);
}
