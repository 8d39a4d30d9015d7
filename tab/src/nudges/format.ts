import { useTranslation } from 'react-i18next';
import { useFormat } from '../adoption/format';
import type { EffectEstimate } from './types';

/**
 * The effect in the words of the page: shares as whole percentages, the effect and its interval in
 * whole percentage points (0.152 → "+15"), the effect with its sign so a fall is never read as a rise.
 */
export function useEffectFormat() {
  const { i18n } = useTranslation();
  const base = useFormat();
  const signed = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  const plain = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
  // −0.4 points rounds to "-0"; a plain 0 says the same without a sign.
  const points = (share: number) => Math.round(share * 100) || 0;
  return {
    ...base,
    /** The effect in points, with its sign: "+15", "−3", "0". */
    effect: (estimate: EffectEstimate) => signed.format(points(estimate.effect)),
    /** An end of the interval in points, signed only when below zero: "11", "−3". */
    bound: (share: number) => plain.format(points(share)),
  };
}
