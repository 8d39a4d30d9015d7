import { Body1, Button, Card, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Subtitle2, Switch, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { digestPath, EARLIEST, fieldId, formOf, LATEST, preferencesOf, problemsOf, problemsOfApi, WEEKDAYS, type DigestField, type DigestForm, type DigestPreferences, type DigestProblem } from '../../digest/form';
import { useSession } from '../../session';

const PHONE = '@media (max-width: 640px)';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, '& p, & h2': { margin: 0 } },
  when: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, [PHONE]: { flexDirection: 'column', gap: tokens.spacingVerticalM } },
  day: { minWidth: '11rem' },
  time: { width: '8rem' },
  note: { color: tokens.colorNeutralForeground2 },
  submit: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/**
 * The unit lead's weekly digest: on or off, and the workday and time it comes. The browser checks the
 * limits; the API has the last word, and its field errors show beside the fields with focus on the first.
 */
export function DigestSettings() {
  const { t } = useTranslation();
  const { api } = useSession();
  const styles = useStyles();
  const [form, setForm] = useState<DigestForm | null>(null);
  const [loadFailed, setLoadFailed] = useState<unknown>(null);
  const [problems, setProblems] = useState<DigestProblem[]>([]);
  const [other, setOther] = useState<Array<{ path: string; message: string }>>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const failureRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    api.get<DigestPreferences>(digestPath).then((p) => setForm(formOf(p)), setLoadFailed);
  }, [api]);

  if (loadFailed) {
    return (
      <Card data-testid="digest-settings">
        <MessageBar intent="error"><MessageBarBody>{t('digest.failed')}</MessageBarBody></MessageBar>
      </Card>
    );
  }
  if (!form) return <Card data-testid="digest-settings"><Spinner size="small" label={t('digest.loading')} /></Card>;

  const set = (patch: Partial<DigestForm>, fields: DigestField[] = []) => {
    setForm((f) => (f ? { ...f, ...patch } : f));
    setSaved('');
    if (fields.length) setProblems((list) => list.filter((p) => !fields.includes(p.field)));
  };
  const problemOf = (field: DigestField) => {
    const p = problems.find((x) => x.field === field);
    return p ? t(p.key, p.values ?? {}) : undefined;
  };
  const focusLater = (find: () => HTMLElement | null | undefined) => requestAnimationFrame(() => find()?.focus());
  const show = (fields: DigestProblem[], others: Array<{ path: string; message: string }>, error: unknown) => {
    setProblems(fields);
    setOther(others);
    setFailure(error);
    if (fields.length) focusLater(() => document.getElementById(fieldId(fields[0]!.field)));
    else if (others.length || error) focusLater(() => failureRef.current);
  };

  const submit = async () => {
    setSaved('');
    const found = problemsOf(form);
    if (found.length) return show(found, [], null);
    show([], [], null);
    setBusy(true);
    try {
      setForm(formOf(await api.put<DigestPreferences>(digestPath, preferencesOf(form))));
      setSaved(t('digest.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.errors.length > 0) {
        const refused = problemsOfApi(error.errors);
        show(refused.fields, refused.other, null);
      } else show([], [], error);
    } finally {
      setBusy(false);
    }
  };

  const dayName = (weekday: string) => t(`digest.weekdays.${weekday}`);
  return (
    <Card data-testid="digest-settings">
      <form className={styles.form} noValidate aria-labelledby="digest-heading" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        <Subtitle2 as="h2" id="digest-heading">{t('digest.heading')}</Subtitle2>
        <Body1 as="p">{t('digest.explain')}</Body1>
        <Switch id="digest-enabled" checked={form.enabled} onChange={(_, data) => set({ enabled: data.checked })} label={t('digest.enabled')} aria-describedby="digest-state" />
        <Body1 as="p" id="digest-state" className={styles.note} data-testid="digest-state">
          {form.enabled && !problemsOf(form).length ? t('digest.stateOn', { day: dayName(form.weekday), time: form.time }) : form.enabled ? '' : t('digest.stateOff')}
        </Body1>
        <div className={styles.when}>
          <Field className={styles.day} label={{ children: t('digest.weekday'), htmlFor: fieldId('weekday') }} hint={t('digest.weekdayHint')} validationMessage={problemOf('weekday')} validationState={problemOf('weekday') ? 'error' : 'none'}>
            <Select id={fieldId('weekday')} value={form.weekday} onChange={(_, data) => set({ weekday: data.value }, ['weekday'])}>
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>{dayName(d)}</option>
              ))}
            </Select>
          </Field>
          <Field label={{ children: t('digest.time'), htmlFor: fieldId('time') }} hint={t('digest.timeHint', { earliest: EARLIEST, latest: LATEST })} validationMessage={problemOf('time')} validationState={problemOf('time') ? 'error' : 'none'}>
            <Input id={fieldId('time')} className={styles.time} type="time" min={EARLIEST} max={LATEST} step={900} value={form.time} onChange={(_, data) => set({ time: data.value }, ['time'])} />
          </Field>
        </div>
        <div ref={failureRef} tabIndex={-1}>
          {(problems.length > 0 || other.length > 0 || failure !== null) && (
            <MessageBar intent="error" layout="multiline" data-testid="digest-not-saved">
              <MessageBarBody>
                <MessageBarTitle>{t('digest.notSaved')}</MessageBarTitle>
                {problems.length > 0 && <Body1 block>{t('digest.fixFields')}</Body1>}
                {other.map((e) => <Body1 block key={`${e.path}|${e.message}`}>{e.path ? `${e.path}: ${e.message}` : e.message}</Body1>)}
                {failure !== null && <Body1 block>{t('signIn.detail', { detail: failure instanceof Error ? failure.message : String(failure) })}</Body1>}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
        <div className={styles.submit}>
          <Button type="submit" appearance="primary" disabledFocusable={busy}>{busy ? t('digest.saving') : t('digest.save')}</Button>
          {/* Always in the page, so screen readers hear the confirmation when its text appears. */}
          <Body1 role="status" aria-live="polite" data-testid="digest-saved">{saved}</Body1>
        </div>
      </form>
    </Card>
  );
}
