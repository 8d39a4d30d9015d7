import { Body1, Button, Caption1, Checkbox, Field, Input, Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Select, Subtitle1, Title2, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiProblems, composeProblems, emptyCompose, fieldId, toContent, toRequest, writtenLocales, type ComposeDraft, type ComposeProblem } from '../../announcements/draft';
import { announcementsPath } from '../../announcements/queries';
import type { AnnouncementDetail } from '../../announcements/types';
import { ApiError } from '../../api';
import { LOCALES, LOCALE_NAMES, type Locale } from '../../i18n';
import { hashOf } from '../../routes';
import { useSession } from '../../session';
import { useAction } from '../../surveys/hooks';
import { useLocalized } from '../../surveys/text';
import { AudiencePicker } from '../surveys/AudiencePicker';
import { ProblemBar } from '../surveys/ProblemBar';
import { AnnouncementPreview } from './AnnouncementPreview';
import { VersionTabs } from './VersionTabs';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, minWidth: 0, maxWidth: '48rem', '& h1, & p': { margin: 0 } },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  wide: { flex: '1 1 16rem', minWidth: 0 },
  // In the section's column a flex basis would be a height: a plain width cap instead.
  narrow: { maxWidth: '24rem', minWidth: 0 },
  note: { color: tokens.colorNeutralForeground2 },
  summary: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  submit: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/**
 * A new announcement: the text per language, an image if wanted, who gets it, when, whether
 * acknowledgements are recorded by name, and a preview of the card as staff get it. The form's own
 * checks and the API's objections show beside the fields they concern, and in a list above the button.
 */
export function ComposeForm(props: { onCreated: (announcement: AnnouncementDetail) => void }) {
  const { t } = useTranslation();
  const { api } = useSession();
  const { locale } = useLocalized();
  const styles = useStyles();
  const [draft, setDraft] = useState<ComposeDraft>(() => emptyCompose(locale));
  const [tab, setTab] = useState<Locale>(locale);
  const [problems, setProblems] = useState<ComposeProblem[]>([]);
  const action = useAction();
  const set = (patch: Partial<ComposeDraft>) => setDraft((d) => ({ ...d, ...patch }));
  // Once the form has been checked, its own checks follow every change, so a message goes as soon as
  // it is put right; the API's objections stay until the next try.
  const checked = useRef(false);
  useEffect(() => {
    if (checked.current) setProblems((previous) => [...composeProblems(draft), ...previous.filter((p) => p.message)]);
  }, [draft]);

  const messageOf = (p: ComposeProblem) => p.message ?? t(p.key ?? '', p.values ?? {});
  const problemOf = (field: string) => {
    const found = problems.filter((p) => p.field === field).map(messageOf);
    return found.length ? found.join(' ') : undefined;
  };
  const goTo = (p: ComposeProblem) => {
    if (p.locale) setTab(p.locale);
    requestAnimationFrame(() => document.getElementById(p.field)?.focus());
  };

  const submit = async () => {
    const found = composeProblems(draft);
    checked.current = true;
    setProblems(found);
    if (found.length > 0) {
      requestAnimationFrame(() => document.getElementById('announcement-form-problems')?.focus());
      return;
    }
    let refused: unknown = null;
    const created = await action.run(async () => {
      try {
        return await api.post<AnnouncementDetail>(announcementsPath, toRequest(draft));
      } catch (error) {
        refused = error;
        throw error;
      }
    });
    if (created) {
      props.onCreated(created);
      return;
    }
    // The API's objections beside their fields; its message above the button.
    if (refused instanceof ApiError && refused.errors.length > 0) {
      const placed = apiProblems(draft, refused.errors);
      setProblems(placed);
      // The language tab with the first field concerned is opened, so its message is in sight.
      const first = placed.find((p) => p.locale);
      if (first?.locale) setTab(first.locale);
    }
    requestAnimationFrame(() => document.getElementById('announcement-form-api-problem')?.focus());
  };

  const written = writtenLocales(draft);
  const localesWithProblems = LOCALES.filter((l) => problems.some((p) => p.locale === l));
  const audience = draft.audience;

  return (
    <form className={styles.form} noValidate onSubmit={(event) => { event.preventDefault(); void submit(); }} aria-labelledby="announcement-compose-heading" data-testid="compose-form" id={fieldId.form}>
      <Link href={hashOf('reach')}>{t('announcements.back')}</Link>
      <Title2 as="h1" id="announcement-compose-heading">{t('announcements.compose.heading')}</Title2>
      <Body1 as="p">{t('announcements.compose.intro')}</Body1>

      <section className={styles.section} aria-labelledby="compose-content">
        <Subtitle1 as="h2" id="compose-content">{t('announcements.compose.content')}</Subtitle1>
        <VersionTabs
          draft={draft}
          selected={tab}
          onSelect={setTab}
          onChange={(l, version) => setDraft((d) => ({ ...d, versions: { ...d.versions, [l]: version } }))}
          problemOf={problemOf}
          localesWithProblems={localesWithProblems}
        />
        <Field label={t('announcements.compose.fallback')} hint={t('announcements.compose.fallbackHint')} validationMessage={problemOf(fieldId.fallback) ?? problemOf(fieldId.versions)} className={styles.narrow}>
          <Select id={fieldId.fallback} value={draft.fallbackLocale} onChange={(_, data) => set({ fallbackLocale: data.value as Locale })}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>{written.includes(l) ? LOCALE_NAMES[l] : t('announcements.compose.notWritten', { language: LOCALE_NAMES[l] })}</option>
            ))}
          </Select>
        </Field>
      </section>

      <section className={styles.section} aria-labelledby="compose-image">
        <Subtitle1 as="h2" id="compose-image">{t('announcements.compose.image')}</Subtitle1>
        <Checkbox checked={draft.image.on} onChange={(_, data) => set({ image: { ...draft.image, on: data.checked === true } })} label={t('announcements.compose.imageOn')} />
        {draft.image.on && (
          <div className={styles.row}>
            <Field label={t('announcements.compose.imageUrl')} hint={t('announcements.compose.imageUrlHint')} validationMessage={problemOf(fieldId.imageUrl)} className={styles.wide} required>
              <Input id={fieldId.imageUrl} type="url" inputMode="url" placeholder="https://" value={draft.image.url} onChange={(_, data) => set({ image: { ...draft.image, url: data.value } })} />
            </Field>
            <Field label={t('announcements.compose.imageAlt')} hint={t('announcements.compose.imageAltHint')} validationMessage={problemOf(fieldId.imageAlt)} className={styles.wide} required>
              <Input id={fieldId.imageAlt} value={draft.image.alt} maxLength={250} onChange={(_, data) => set({ image: { ...draft.image, alt: data.value } })} />
            </Field>
          </div>
        )}
      </section>

      <section className={styles.section} aria-labelledby="compose-audience" id={fieldId.audience} tabIndex={-1}>
        <Subtitle1 as="h2" id="compose-audience">{t('announcements.compose.audience')}</Subtitle1>
        <AudiencePicker
          value={audience}
          onChange={(value) => set({ audience: { ...audience, ...value } })}
          ownUnitsOnly={false}
          ownUnitIds={[]}
          problem={problemOf(fieldId.audience)}
          extraKinds={[
            {
              kind: 'team',
              label: t('announcements.audience.team'),
              fields: (
                <Field label={t('announcements.audience.teamId')} hint={t('announcements.audience.teamIdHint')} validationMessage={problemOf(fieldId.teamId)}>
                  <Input id={fieldId.teamId} value={audience.teamId} onChange={(_, data) => set({ audience: { ...audience, teamId: data.value } })} placeholder="00000000-0000-0000-0000-000000000000" />
                </Field>
              ),
            },
          ]}
        />
      </section>

      <section className={styles.section} aria-labelledby="compose-when">
        <Subtitle1 as="h2" id="compose-when">{t('announcements.compose.when')}</Subtitle1>
        <div className={styles.row}>
          <Field label={t('announcements.compose.sendLabel')}>
            <RadioGroup value={draft.send.start} onChange={(_, data) => set({ send: { ...draft.send, start: data.value as 'now' | 'at' } })} layout="horizontal">
              <Radio value="now" label={t('announcements.compose.now')} />
              <Radio value="at" label={t('announcements.compose.at')} />
            </RadioGroup>
          </Field>
          {draft.send.start === 'at' && (
            <Field label={t('announcements.compose.sendAt')} validationMessage={problemOf(fieldId.sendAt)}>
              <Input id={fieldId.sendAt} type="datetime-local" value={draft.send.at} onChange={(_, data) => set({ send: { ...draft.send, at: data.value } })} />
            </Field>
          )}
        </div>
        <Caption1 className={styles.note}>{t('announcements.compose.pacing')}</Caption1>
      </section>

      <section className={styles.section} aria-labelledby="compose-ack">
        <Subtitle1 as="h2" id="compose-ack">{t('announcements.compose.ackHeading')}</Subtitle1>
        <Checkbox
          checked={draft.requiresAcknowledgement}
          onChange={(_, data) => set({ requiresAcknowledgement: data.checked === true })}
          label={t('announcements.compose.ack')}
          aria-describedby="compose-ack-explained"
        />
        <Caption1 id="compose-ack-explained" className={styles.note}>{t('announcements.compose.ackExplained')}</Caption1>
      </section>

      <section className={styles.section} aria-labelledby="compose-preview">
        <Subtitle1 as="h2" id="compose-preview">{t('announcements.compose.preview')}</Subtitle1>
        <AnnouncementPreview input={() => ({ content: toContent(draft), requiresAcknowledgement: draft.requiresAcknowledgement })} locale={tab} />
      </section>

      {problems.length > 0 && (
        <div id="announcement-form-problems" tabIndex={-1} data-testid="form-problems">
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{t('announcements.problems.heading', { count: problems.length })}</MessageBarTitle>
              <ul className={styles.summary}>
                {problems.map((p, i) => (
                  <li key={i}>
                    <Link href={`#${p.field}`} onClick={(event) => { event.preventDefault(); goTo(p); }}>
                      {p.locale ? `${LOCALE_NAMES[p.locale]}: ` : ''}{messageOf(p)}
                    </Link>
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
      <div id="announcement-form-api-problem" tabIndex={-1}>
        <ProblemBar error={action.error} title={t('announcements.compose.failed')} testId="create-problem" />
      </div>
      <div className={styles.submit}>
        <Button type="submit" appearance="primary" disabledFocusable={action.busy}>
          {action.busy ? t('announcements.compose.sending') : draft.send.start === 'now' ? t('announcements.compose.sendNow') : t('announcements.compose.schedule')}
        </Button>
        <Link href={hashOf('reach')}>{t('announcements.compose.cancel')}</Link>
      </div>
    </form>
  );
}
