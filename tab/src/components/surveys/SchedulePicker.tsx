import { Checkbox, Field, Input, makeStyles, Radio, RadioGroup, Select, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Draft, Recurrence, StartChoice } from '../../surveys/draft';

const useStyles = makeStyles({
  picker: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  number: { width: '7rem' },
});

type ScheduleDraft = Draft['schedule'];

/** When it goes out: now or at a time; once, or every week or month until a day; days open; a reminder. */
export function SchedulePicker(props: { value: ScheduleDraft; onChange: (value: ScheduleDraft) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const s = props.value;
  const set = (patch: Partial<ScheduleDraft>) => props.onChange({ ...s, ...patch });
  return (
    <div className={styles.picker}>
      <div className={styles.row}>
        <Field label={t('surveys.schedule.start')}>
          <RadioGroup value={s.start} onChange={(_, data) => set({ start: data.value as StartChoice })} layout="horizontal">
            <Radio value="now" label={t('surveys.schedule.now')} />
            <Radio value="at" label={t('surveys.schedule.at')} />
          </RadioGroup>
        </Field>
        {s.start === 'at' && (
          <Field label={t('surveys.schedule.startsAt')}>
            <Input type="datetime-local" value={s.at} onChange={(_, data) => set({ at: data.value })} />
          </Field>
        )}
      </div>
      <div className={styles.row}>
        <Field label={t('surveys.schedule.repeat')}>
          <Select value={s.recurrence} onChange={(_, data) => set({ recurrence: data.value as Recurrence })}>
            <option value="once">{t('surveys.schedule.repeatOnce')}</option>
            <option value="week">{t('surveys.schedule.repeatWeek')}</option>
            <option value="month">{t('surveys.schedule.repeatMonth')}</option>
          </Select>
        </Field>
        {s.recurrence !== 'once' && (
          <Field label={t('surveys.schedule.until')}>
            <Input type="date" value={s.until} onChange={(_, data) => set({ until: data.value })} />
          </Field>
        )}
        <Field label={t('surveys.schedule.openDaysField')} className={styles.number}>
          <Input type="number" min={1} max={60} value={String(s.openDays)} onChange={(_, data) => set({ openDays: Number(data.value) })} />
        </Field>
      </div>
      <div className={styles.row}>
        <Checkbox checked={s.remind} onChange={(_, data) => set({ remind: data.checked === true })} label={t('surveys.schedule.remind')} />
        {s.remind && (
          <Field label={t('surveys.schedule.remindAfter')} className={styles.number}>
            <Input type="number" min={1} max={59} value={String(s.remindAfterDays)} onChange={(_, data) => set({ remindAfterDays: Number(data.value) })} />
          </Field>
        )}
      </div>
    </div>
  );
}
