import { useTranslation } from 'react-i18next';
import type { Suppression } from '../../surveys/types';

/** Why a unit's answers are hidden, in words: too few answered, or hidden so a small group cannot be worked out. */
export function useHiddenReason(minGroupSize: number) {
  const { t } = useTranslation();
  return (reason: Exclude<Suppression, false>) =>
    reason === 'complementary' ? t('surveys.hiddenComplementary') : reason === 'ancestor' ? t('surveys.hiddenAncestor') : t('surveys.hiddenSmall', { minGroupSize });
}
