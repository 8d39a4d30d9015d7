import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../adoption/format';
import { PERIODS, type Period, type Snapshot } from '../../adoption/types';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, border: 'none', margin: 0, padding: 0, minWidth: 0 },
  field: { minWidth: '11rem', maxWidth: '100%' },
  legend: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

export interface AdoptionFiltersProps {
  period: Period;
  onPeriod: (period: Period) => void;
  /** Every report date of the period, newest first. */
  snapshots: Snapshot[];
  /** The report date shown; null means the newest. */
  date: string | null;
  onDate: (date: string | null) => void;
}

/**
 * The period (7/30/90/180 days) and the report date. Native selects: they work with every screen reader
 * and open the phone's own picker.
 */
export function AdoptionFilters(props: AdoptionFiltersProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useStyles();
  const newest = props.snapshots[0]?.reportDate ?? '';
  return (
    <fieldset className={styles.filters}>
      <legend className={styles.legend}>{t('adoption.filters')}</legend>
      <Field label={t('adoption.period')} className={styles.field}>
        <Select value={props.period} onChange={(_, data) => props.onPeriod(data.value as Period)}>
          {PERIODS.map((period) => (
            <option key={period} value={period}>
              {t(`adoption.periods.${period}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('adoption.reportDate')} className={styles.field}>
        <Select
          value={props.date ?? newest}
          disabled={props.snapshots.length === 0}
          onChange={(_, data) => props.onDate(data.value === newest ? null : data.value)}
        >
          {props.snapshots.length === 0 && <option value="">{t('adoption.noDates')}</option>}
          {props.snapshots.map((snapshot) => (
            <option key={snapshot.reportDate} value={snapshot.reportDate}>
              {snapshot.concealed ? t('adoption.reportDateConcealed', { date: format.date(snapshot.reportDate) }) : format.date(snapshot.reportDate)}
            </option>
          ))}
        </Select>
      </Field>
    </fieldset>
  );
}
