import { Body1, Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Subtitle1, Switch, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { fieldId, formOf, LIMITS, problemsOf, problemsOfApi, rulesOf, type Field as FormField, type FieldProblem, type RulesForm } from '../../nudges/form';
import { rulesPath, type StoredRules } from '../../nudges/types';
import { useSession } from '../../session';
import { NumberField } from './NumberField';
import { TipOrderList } from './TipOrderList';

const PER_WEEK = ['1', '2', '3'];
const PHONE = '@media (max-width: 640px)';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0, maxWidth: '48rem', '& p, & h2': { margin: 0 } },
  group: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, margin: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, minWidth: 0,
    [PHONE]: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}` },
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  note: { color: tokens.colorNeutralForeground2 },
  time: { width: '8rem' },
  submit: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * The nudge rules an adoption admin edits: whether staff get tips at all, which series, their pace and
 * the hold-out that measures them. The browser checks what it can; the API has the last word, and its
 * field errors show beside the fields with focus on the first. Nothing is saved unless all is right.
 */
export function RulesEditor(props: { stored: StoredRules; onSaved: (stored: StoredRules) => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useSession();
  const styles = useStyles();
  const [form, setForm] = useState<RulesForm>(() => formOf(props.stored.rules));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [otherProblems, setOtherProblems] = useState<Array<{ path: string; message: string }>>([]);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  /** A failure that is not about fields (no access, the server down), in its own words. */
  const [failure, setFailure] = useState<unknown>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  const set = (patch: Partial<RulesForm>, fields: FormField[] = []) => {
    setForm((f) => ({ ...f, ...patch }));
    setSaved('');
    // A field's problem goes once it is changed; the others stay until the next save.
    if (fields.length) setProblems((list) => list.filter((p) => !fields.includes(p.field)));
  };
  const problemOf = (field: FormField) => {
    const p = problems.find((x) => x.field === field);
    return p ? t(p.key, p.values ?? {}) : undefined;
  };
  const focusLater = (find: () => HTMLElement | null | undefined) => requestAnimationFrame(() => find()?.focus());

  const showProblems = (fields: FieldProblem[], other: Array<{ path: string; message: string }>, error: unknown) => {
    setProblems(fields);
    setOtherProblems(other);
    setFailure(error);
    if (fields.length) focusLater(() => document.getElementById(fieldId(fields[0]!.field)));
    else if (other.length || error) focusLater(() => failureRef.current);
  };

  const submit = async () => {
    setSaved('');
    const found = problemsOf(form);
    if (found.length > 0) return showProblems(found, [], null);
    showProblems([], [], null);
    setBusy(true);
    try {
      const stored = await api.put<StoredRules>(rulesPath, rulesOf(form));
      setForm(formOf(stored.rules));
      setSaved(t('nudges.rules.saved', { time: new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(stored.updatedAt ? new Date(stored.updatedAt) : new Date()) }));
      props.onSaved(stored);
    } catch (error) {
      // The API refused the rules: its field errors beside the fields, anything else in its own words.
      if (error instanceof ApiError && error.status === 400 && error.errors.length > 0) {
        const refused = problemsOfApi(error.errors);
        showProblems(refused.fields, refused.other, null);
      } else {
        showProblems([], [], error);
      }
    } finally {
      setBusy(false);
    }
  };

  const perWeek = Number(form.perWeek) || 1;
  return (
    <form className={styles.form} noValidate aria-labelledby="nudge-rules-heading" data-testid="nudge-rules" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <Subtitle1 as="h2" id="nudge-rules-heading">{t('nudges.rules.heading')}</Subtitle1>
      <Body1 as="p" id="nudge-explain">{t('nudges.rules.explain', { count: perWeek })}</Body1>
      <Switch id="nudge-enabled" checked={form.enabled} onChange={(_, data) => set({ enabled: data.checked })} label={t('nudges.rules.enabled')} aria-describedby="nudge-state" />
      <Caption1 id="nudge-state" className={styles.note} data-testid="nudge-state">{form.enabled ? t('nudges.rules.stateOn') : t('nudges.rules.stateOff')}</Caption1>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t('nudges.rules.teams.heading')}</legend>
        <Switch checked={form.teamsEnabled} onChange={(_, data) => set({ teamsEnabled: data.checked })} label={t('nudges.rules.teams.enabled')} />
        <NumberField
          id={fieldId('inactiveDays')}
          label={t('nudges.rules.teams.inactiveDays')}
          hint={t('nudges.rules.teams.inactiveHint', LIMITS.inactiveDays)}
          value={form.inactiveDays}
          {...LIMITS.inactiveDays}
          problem={problemOf('inactiveDays')}
          onChange={(inactiveDays) => set({ inactiveDays }, ['inactiveDays'])}
        />
        <TipOrderList id={fieldId('tips')} order={form.tipOrder} chosen={form.chosen} problem={problemOf('tips')} onChange={({ order, chosen }) => set({ tipOrder: order, chosen }, ['tips'])} />
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t('nudges.rules.other.heading')}</legend>
        <Switch checked={form.engageEnabled} onChange={(_, data) => set({ engageEnabled: data.checked })} label={t('nudges.rules.other.engage')} />
        <Switch checked={form.welcomeEnabled} onChange={(_, data) => set({ welcomeEnabled: data.checked })} label={t('nudges.rules.other.welcome')} />
        <Switch checked={form.reminderEnabled} onChange={(_, data) => set({ reminderEnabled: data.checked })} label={t('nudges.rules.other.reminder')} />
        <NumberField
          id={fieldId('reminderAfterDays')}
          label={t('nudges.rules.other.afterDays')}
          hint={t('nudges.rules.other.afterDaysHint', LIMITS.reminderAfterDays)}
          value={form.reminderAfterDays}
          {...LIMITS.reminderAfterDays}
          problem={problemOf('reminderAfterDays')}
          onChange={(reminderAfterDays) => set({ reminderAfterDays }, ['reminderAfterDays'])}
        />
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t('nudges.rules.pacing.heading')}</legend>
        <Field label={t('nudges.rules.pacing.perWeek')} validationMessage={problemOf('perWeek')} validationState={problemOf('perWeek') ? 'error' : 'none'}>
          <RadioGroup layout="horizontal" value={form.perWeek} onChange={(_, data) => set({ perWeek: data.value }, ['perWeek'])}>
            {/* The chosen one (or the first) takes focus for a problem; each needs its own id for its label. */}
            {PER_WEEK.map((n) => (
              <Radio key={n} id={n === (PER_WEEK.includes(form.perWeek) ? form.perWeek : '1') ? fieldId('perWeek') : `${fieldId('perWeek')}-${n}`} value={n} label={n} />
            ))}
          </RadioGroup>
        </Field>
        <Field label={{ children: t('nudges.rules.pacing.sendFrom'), htmlFor: fieldId('sendFrom') }} hint={t('nudges.rules.pacing.sendFromHint')} validationMessage={problemOf('sendFrom')} validationState={problemOf('sendFrom') ? 'error' : 'none'}>
          <Input id={fieldId('sendFrom')} className={styles.time} type="time" value={form.sendFrom} onChange={(_, data) => set({ sendFrom: data.value }, ['sendFrom'])} />
        </Field>
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t('nudges.rules.measure.heading')}</legend>
        <NumberField
          id={fieldId('holdOutPercent')}
          label={t('nudges.rules.measure.holdOut')}
          hint={t('nudges.rules.measure.holdOutHint', LIMITS.holdOutPercent)}
          value={form.holdOutPercent}
          {...LIMITS.holdOutPercent}
          problem={problemOf('holdOutPercent')}
          onChange={(holdOutPercent) => set({ holdOutPercent }, ['holdOutPercent'])}
        />
        <NumberField
          id={fieldId('measureAfterDays')}
          label={t('nudges.rules.measure.measureAfter')}
          hint={t('nudges.rules.measure.measureAfterHint', LIMITS.measureAfterDays)}
          value={form.measureAfterDays}
          {...LIMITS.measureAfterDays}
          problem={problemOf('measureAfterDays')}
          onChange={(measureAfterDays) => set({ measureAfterDays }, ['measureAfterDays'])}
        />
      </fieldset>

      <div ref={failureRef} tabIndex={-1}>
        {(problems.length > 0 || otherProblems.length > 0 || failure !== null) && (
          <MessageBar intent="error" layout="multiline" data-testid="rules-not-saved">
            <MessageBarBody>
              <MessageBarTitle>{t('nudges.rules.notSaved')}</MessageBarTitle>
              {problems.length > 0 && <Body1 block>{t('nudges.rules.fixFields', { count: problems.length })}</Body1>}
              {failure instanceof ApiError && failure.status === 403 && <Body1 block>{t('nudges.forbidden')}</Body1>}
              {failure !== null && <Body1 block>{t('signIn.detail', { detail: failure instanceof Error ? failure.message : String(failure) })}</Body1>}
              {otherProblems.length > 0 && (
                <ul className={styles.list}>
                  {otherProblems.map((e) => (
                    <li key={`${e.path}|${e.message}`}>
                      <Body1>{e.path ? `${e.path}: ${e.message}` : e.message}</Body1>
                    </li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={styles.submit}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {busy ? t('nudges.rules.saving') : t('nudges.rules.save')}
        </Button>
        {/* Always in the page, so screen readers hear the confirmation when its text appears. */}
        <Body1 role="status" aria-live="polite" data-testid="rules-saved">{saved}</Body1>
      </div>
      <Caption1 className={styles.note} data-testid="rules-updated">
        {props.stored.updatedAt
          ? t('nudges.rules.lastSaved', { date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(props.stored.updatedAt)) })
          : t('nudges.rules.neverSaved')}
      </Caption1>
    </form>
  );
}
