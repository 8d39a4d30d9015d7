import { Button, Caption1, Field, Input, makeStyles, mergeClasses, Subtitle2, Textarea, tokens } from '@fluentui/react-components';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId, isWritten, newLink, type ComposeDraft, type DraftVersion } from '../../announcements/draft';
import { MAX_BODY, MAX_LINK_LABEL, MAX_LINKS, MAX_TITLE } from '../../announcements/types';
import { LOCALES, LOCALE_NAMES, type Locale } from '../../i18n';

const useStyles = makeStyles({
  tabs: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  // On a phone the four languages wrap rather than widen the page.
  tabList: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  tab: {
    display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 0, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: 'none', borderBottom: `${tokens.strokeWidthThickest} solid transparent`, background: 'none', cursor: 'pointer', textAlign: 'start',
    color: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300,
    ':hover': { color: tokens.colorNeutralForeground1, borderBottomColor: tokens.colorNeutralStroke1 },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  // The chosen language is marked by a bar and weight, not by colour alone.
  selectedTab: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, borderBottomColor: tokens.colorCompoundBrandStroke, ':hover': { borderBottomColor: tokens.colorCompoundBrandStroke } },
  panel: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  hint: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2, '& code': { fontFamily: tokens.fontFamilyMonospace } },
  links: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  link: {
    display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS,
    '& > .fui-Field': { flex: '1 1 12rem', minWidth: 0 },
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  note: { color: tokens.colorNeutralForeground2 },
});

const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/**
 * The announcement in nb, nn, sv and en, one tab per language. A tab's name says whether that language
 * is written, is the fallback, or has something to put right, so nothing hides behind a closed tab.
 */
export function VersionTabs(props: {
  draft: ComposeDraft;
  selected: Locale;
  onSelect: (locale: Locale) => void;
  onChange: (locale: Locale, version: DraftVersion) => void;
  problemOf: (field: string) => string | undefined;
  localesWithProblems: Locale[];
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const l = props.selected;
  const version = props.draft.versions[l];
  const set = (patch: Partial<DraftVersion>) => props.onChange(l, { ...version, ...patch });
  const state = (locale: Locale) =>
    [
      props.localesWithProblems.includes(locale) ? t('announcements.compose.tabProblem') : null,
      locale === props.draft.fallbackLocale ? t('announcements.compose.tabFallback') : null,
      isWritten(props.draft.versions[locale]) ? t('announcements.compose.tabWritten') : t('announcements.compose.tabEmpty'),
    ].filter(Boolean).join(', ');
  const links = version.links;
  const onKey = (event: KeyboardEvent) => {
    const at = LOCALES.indexOf(l);
    const to = event.key === 'ArrowRight' ? (at + 1) % LOCALES.length : event.key === 'ArrowLeft' ? (at + LOCALES.length - 1) % LOCALES.length : event.key === 'Home' ? 0 : event.key === 'End' ? LOCALES.length - 1 : -1;
    if (to < 0) return;
    event.preventDefault();
    props.onSelect(LOCALES[to]!);
    focusLater(`announcement-tab-${LOCALES[to]}`);
  };
  return (
    <div className={styles.tabs}>
      {/* Tabs as WAI-ARIA describes them: one tab stop, arrow keys move between languages. */}
      <div role="tablist" className={styles.tabList} aria-label={t('announcements.compose.languages')} data-testid="language-tabs" onKeyDown={onKey}>
        {LOCALES.map((locale) => (
          <button
            type="button"
            role="tab"
            key={locale}
            id={`announcement-tab-${locale}`}
            aria-selected={locale === l}
            aria-controls="announcement-tab-panel"
            tabIndex={locale === l ? 0 : -1}
            className={mergeClasses(styles.tab, locale === l && styles.selectedTab)}
            onClick={() => props.onSelect(locale)}
          >
            <span>{LOCALE_NAMES[locale]}</span>
            <Caption1>{state(locale)}</Caption1>
          </button>
        ))}
      </div>
      <div role="tabpanel" id="announcement-tab-panel" aria-labelledby={`announcement-tab-${l}`} className={styles.panel} lang={l} data-testid="version-panel">
        <Subtitle2 as="h3">{t('announcements.compose.versionHeading', { language: LOCALE_NAMES[l] })}</Subtitle2>
        <Caption1 className={styles.note}>{t('announcements.compose.versionHint', { language: LOCALE_NAMES[props.draft.fallbackLocale] })}</Caption1>
        <Field label={t('announcements.compose.title')} validationMessage={props.problemOf(fieldId.title(l))}>
          <Input id={fieldId.title(l)} value={version.title} maxLength={MAX_TITLE} onChange={(_, data) => set({ title: data.value })} />
        </Field>
        <Field
          label={t('announcements.compose.body')}
          validationMessage={props.problemOf(fieldId.body(l))}
          hint={
            <>
              {t('announcements.compose.bodyHint', { count: version.body.length, max: MAX_BODY })}
              <ul className={styles.hint}>
                <li><code>**{t('announcements.compose.md.bold')}**</code></li>
                <li><code>_{t('announcements.compose.md.italic')}_</code></li>
                <li><code>- {t('announcements.compose.md.list')}</code></li>
                <li><code>[{t('announcements.compose.md.linkText')}](https://…)</code></li>
              </ul>
            </>
          }
        >
          <Textarea id={fieldId.body(l)} value={version.body} maxLength={MAX_BODY} rows={8} resize="vertical" onChange={(_, data) => set({ body: data.value })} />
        </Field>
        <fieldset style={{ border: 'none', margin: 0, padding: 0, minWidth: 0 }} id={fieldId.links(l)} tabIndex={-1}>
          <legend><Subtitle2>{t('announcements.compose.links', { max: MAX_LINKS })}</Subtitle2></legend>
          {props.problemOf(fieldId.links(l)) && <Caption1 role="alert">{props.problemOf(fieldId.links(l))}</Caption1>}
          <ol className={styles.links}>
            {links.map((link, i) => (
              <li key={link.key} className={styles.link}>
                <Field label={t('announcements.compose.linkLabel', { n: i + 1 })} validationMessage={props.problemOf(fieldId.linkLabel(l, i))}>
                  <Input id={fieldId.linkLabel(l, i)} value={link.label} maxLength={MAX_LINK_LABEL} onChange={(_, data) => set({ links: links.map((x) => (x.key === link.key ? { ...x, label: data.value } : x)) })} />
                </Field>
                <Field label={t('announcements.compose.linkUrl', { n: i + 1 })} validationMessage={props.problemOf(fieldId.linkUrl(l, i))}>
                  <Input id={fieldId.linkUrl(l, i)} type="url" inputMode="url" placeholder="https://" value={link.url} onChange={(_, data) => set({ links: links.map((x) => (x.key === link.key ? { ...x, url: data.value } : x)) })} />
                </Field>
                <Button
                  onClick={() => {
                    set({ links: links.filter((x) => x.key !== link.key) });
                    focusLater(i > 0 ? fieldId.linkLabel(l, i - 1) : `announcement-${l}-add-link`);
                  }}
                >
                  {t('announcements.compose.removeLink', { n: i + 1 })}
                </Button>
              </li>
            ))}
          </ol>
          <div className={styles.row}>
            <Button
              id={`announcement-${l}-add-link`}
              disabled={links.length >= MAX_LINKS}
              onClick={() => {
                set({ links: [...links, newLink()] });
                focusLater(fieldId.linkLabel(l, links.length));
              }}
            >
              {t('announcements.compose.addLink')}
            </Button>
            <Caption1 className={styles.note}>{t('announcements.compose.linkCount', { count: links.length, max: MAX_LINKS })}</Caption1>
          </div>
        </fieldset>
      </div>
    </div>
  );
}
