import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../adoption/format';
import { DEVICES, type DeviceCounts } from '../../adoption/types';
import { Meter } from './Meter';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '32rem' },
  row: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalM },
});

/** Which kinds of device the staff used Teams on, most used first; kinds nobody used are left out. */
export function DeviceList(props: { devices: DeviceCounts; staff: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useStyles();
  const used = DEVICES.filter((device) => props.devices[device] > 0).sort((a, b) => props.devices[b] - props.devices[a]);
  if (used.length === 0) return <Body1 as="p">{t('adoption.devices.none')}</Body1>;
  return (
    <ul className={styles.list} data-testid="device-list">
      {used.map((device) => {
        const share = props.staff > 0 ? props.devices[device] / props.staff : 0;
        return (
          <li key={device}>
            <div className={styles.row}>
              <Body1>{t(`adoption.devices.kinds.${device}`)}</Body1>
              <Body1>
                {format.percent(share)} ({t('adoption.people', { count: props.devices[device], n: format.number(props.devices[device]) })})
              </Body1>
            </div>
            <Meter share={share} />
          </li>
        );
      })}
    </ul>
  );
}
