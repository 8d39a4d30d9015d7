import { Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../adoption/format';
import type { Channel, Figures } from '../../adoption/types';

/** The channels a unit's or the municipality's key figures show, in the order people read them. */
const TILE_CHANNELS: readonly Channel[] = ['teams', 'teamsChat', 'teamsChannel', 'teamsMeetings', 'teamsCalls', 'engage', 'engagePosted'];

const useStyles = makeStyles({
  list: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(9rem, 1fr))', gap: tokens.spacingHorizontalM, margin: 0 },
  tile: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  label: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  count: { color: tokens.colorNeutralForeground2, display: 'block' },
});

/**
 * Staff and the share active per channel, as a description list: each term ("Teams") with its value
 * ("78 %, 156 of 200"), so a screen reader reads them as pairs.
 */
export function FigureTiles(props: { figures: Figures; testId?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useStyles();
  const { staff, active } = props.figures;
  return (
    <dl className={styles.list} data-testid={props.testId}>
      <div className={styles.tile} data-figure="staff">
        <dt className={styles.label}>{t('adoption.staff')}</dt>
        <dd className={styles.value}>
          <Text size={600} weight="semibold">{format.number(staff)}</Text>
        </dd>
      </div>
      {TILE_CHANNELS.map((channel) => (
        <div key={channel} className={styles.tile} data-figure={channel}>
          <dt className={styles.label}>{t(`adoption.channels.${channel}`)}</dt>
          <dd className={styles.value}>
            <Text size={600} weight="semibold">{staff > 0 ? format.percent(active[channel] / staff) : '–'}</Text>{' '}
            <Caption1 className={styles.count}>{t('adoption.ofStaff', { count: format.number(active[channel]), staff: format.number(staff) })}</Caption1>
          </dd>
        </div>
      ))}
    </dl>
  );
}
