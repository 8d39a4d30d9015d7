import { Body1, Button, Caption1, Link, makeStyles, Spinner, Subtitle1, Title2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useSurveyFormat } from '../../surveys/format';
import { useLoad } from '../../adoption/use-load';
import { Markdown } from '../../announcements/markdown';
import { briefingPath } from '../../announcements/queries';
import type { Briefing } from '../../announcements/types';
import { hashOf } from '../../routes';
import { useSession } from '../../session';
import { LoadProblem } from './LoadProblem';

const useStyles = makeStyles({
  sheet: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0, maxWidth: '48rem', '& h1, & h2': { margin: 0, overflowWrap: 'anywhere' } },
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
  count: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  text: {
    padding: tokens.spacingVerticalM, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere', '& p': { margin: `0 0 ${tokens.spacingVerticalS}` }, '& a': { color: tokens.colorBrandForegroundLink },
  },
  names: { columns: '2 12rem', margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  note: { color: tokens.colorNeutralForeground2 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * A unit's briefing sheet, to print: the announcement's text, how many in the unit to brief in person,
 * and, only for an announcement that required acknowledgement, who has not acknowledged it.
 */
export function BriefingSheet(props: { announcementId: string; unitId: string }) {
  const { t } = useTranslation();
  const { api } = useSession();
  const format = useSurveyFormat();
  const styles = useStyles();
  const briefing = useLoad(`${props.announcementId}|${props.unitId}`, () => api.get<Briefing>(briefingPath(props.announcementId, props.unitId)));
  const back = <Link href={hashOf('reach', props.announcementId)}>{t('announcements.briefing.back')}</Link>;
  if (briefing.kind === 'failed') {
    return (
      <div className={styles.sheet}>
        {back}
        <Title2 as="h1">{t('announcements.briefing.heading')}</Title2>
        <LoadProblem error={briefing.error} onRetry={briefing.retry} what="briefing" />
      </div>
    );
  }
  if (briefing.kind === 'loading') return <Spinner label={t('announcements.briefing.loading')} />;
  const { announcement, unit, toBrief, names } = briefing.data;
  const unitName = format.unitPath(unit.path.length ? unit.path : [unit.name]);
  return (
    <article className={styles.sheet} data-testid="briefing-sheet">
      <div className={styles.tools} data-print="hide">
        {back}
        <Button appearance="primary" onClick={() => window.print()}>{t('announcements.briefing.print')}</Button>
      </div>
      <Title2 as="h1">{t('announcements.briefing.headingFor', { name: unitName })}</Title2>
      <Body1 as="p" className={styles.count} data-testid="to-brief">{t('announcements.briefing.toBrief', { count: toBrief, n: format.number(toBrief) })}</Body1>
      <Caption1 as="p" className={styles.note}>{t('announcements.briefing.why', { date: format.day(new Date().toISOString()) })}</Caption1>
      <section className={styles.section} aria-labelledby="briefing-text">
        <Subtitle1 as="h2" id="briefing-text">{t('announcements.briefing.text')}</Subtitle1>
        <div className={styles.text} lang={announcement.locale} data-testid="briefing-text">
          <Subtitle1 as="p" block>{announcement.title}</Subtitle1>
          <Markdown text={announcement.body} />
          {announcement.links.length > 0 && (
            <ul>
              {announcement.links.map((link) => (
                <li key={link.url}>{link.label}: {link.url}</li>
              ))}
            </ul>
          )}
        </div>
      </section>
      <section className={styles.section} aria-labelledby="briefing-names">
        <Subtitle1 as="h2" id="briefing-names">{t('announcements.briefing.names')}</Subtitle1>
        {names === null ? (
          <Body1 as="p" data-testid="no-names">{t('announcements.briefing.noNames')}</Body1>
        ) : names.length === 0 ? (
          <Body1 as="p">{t('announcements.briefing.allAcknowledged')}</Body1>
        ) : (
          <ul className={styles.names} data-testid="briefing-names">
            {names.map((name, i) => (
              <li key={`${name}|${i}`}>{name}</li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
