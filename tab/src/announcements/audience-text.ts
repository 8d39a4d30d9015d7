import { useTranslation } from 'react-i18next';
import { useFormat } from '../adoption/format';
import { useUnits } from '../surveys/hooks';
import type { AnnouncementAudience } from './types';

/** Who an announcement goes to, in words; units by name once the unit list is in. */
export function useAnnouncementAudienceText(): (audience: AnnouncementAudience) => string {
  const { t } = useTranslation();
  const format = useFormat();
  const units = useUnits();
  const names = new Map(units.kind === 'ready' ? units.data.units.map((u) => [u.id, format.unitPath(u.path)]) : []);
  return (audience) => {
    switch (audience.kind) {
      case 'everyone':
        return t('announcements.audience.everyoneLabel');
      case 'units': {
        const known = audience.unitIds.map((id) => names.get(id)).filter((name): name is string => Boolean(name));
        return known.length === audience.unitIds.length && known.length > 0
          ? t('announcements.audience.unitsNamed', { count: known.length, names: known.join('; ') })
          : t('announcements.audience.unitsCount', { count: audience.unitIds.length });
      }
      case 'groups':
        return t('announcements.audience.groupsCount', { count: audience.groupIds.length });
      case 'team':
        return t('announcements.audience.teamLabel', { id: audience.teamId });
    }
  };
}
