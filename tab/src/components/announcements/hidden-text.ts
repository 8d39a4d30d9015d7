import { useTranslation } from 'react-i18next';
import type { HiddenReason } from '../../announcements/types';

/** Why a unit's figures are hidden, in words, and where its people are counted instead. */
export function useHiddenText(minGroupSize: number) {
  const { t } = useTranslation();
  return (reason: HiddenReason) => t(`announcements.hidden.${reason}`, { minGroupSize });
}
