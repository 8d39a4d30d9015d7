import { Badge, Body1, Button, Caption1, Link, makeStyles, Spinner, Subtitle1, Title2, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../adoption/format';
import { useAnnouncementAudienceText } from '../../announcements/audience-text';
import { useReachFormat } from '../../announcements/format';
import { useAnnouncement, useProgressPolling, useReachData } from '../../announcements/hooks';
import { cancelPath } from '../../announcements/queries';
import type { AnnouncementDetail, Progress } from '../../announcements/types';
import { LOCALES, LOCALE_NAMES } from '../../i18n';
import { hashOf } from '../../routes';
import { useSession } from '../../session';
import { useAction } from '../../surveys/hooks';
import { ProblemBar } from '../surveys/ProblemBar';
import { useWhenText } from './AnnouncementList';
import { FunnelSection } from './FunnelSection';
import { LoadProblem } from './LoadProblem';
import { PostsElsewhereSection } from './PostsElsewhereSection';
import { SendProgress } from './SendProgress';
import { StatusBadge } from './StatusBadge';
import { TimelineSection } from './TimelineSection';
import { UnitReachTable } from './UnitReachTable';
import { UnreachedSection } from './UnreachedSection';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, minWidth: 0 },
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, '& h1': { margin: 0, overflowWrap: 'anywhere' } },
  titleRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  facts: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0, '& dd': { margin: 0, overflowWrap: 'anywhere' } },
  term: { color: tokens.colorNeutralForeground2 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, '& h2, & p': { margin: 0 } },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  note: { color: tokens.colorNeutralForeground2, maxWidth: '48rem' },
});

/**
 * One announcement: its facts; while sending, the progress (asked every 2 s, its end read out); then
 * its reach: the funnel, the units least reached first, the timeline, and who was not reached with a
 * briefing sheet per unit and one reminder.
 */
export function AnnouncementView(props: { announcementId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { me } = useSession();
  const [version, setVersion] = useState(0);
  const [finished, setFinished] = useState('');
  const announcement = useAnnouncement(props.announcementId, version);
  const known = announcement.kind === 'ready' ? announcement.data : announcement.kind === 'loading' ? announcement.previous : undefined;
  const format = useFormat();
  const reachFormat = useReachFormat();
  const onSettled = useCallback(
    (p: Progress) => {
      setFinished(t('announcements.progress.finished', { sent: format.number(p.sent), total: format.number(p.total), failed: format.number(p.failed + p.unreachable) }));
      setVersion((v) => v + 1);
    },
    [t, format],
  );
  if (announcement.kind === 'failed') return <LoadProblem error={announcement.error} onRetry={announcement.retry} what="announcement" />;
  if (!known) return <Spinner label={t('announcements.loading')} />;
  const scopeName = props.canManage || me.roles.includes('AdoptionAdmin') ? t('adoption.municipality') : t('announcements.yourUnits');
  return (
    <div className={styles.view}>
      <Head announcement={known} canManage={props.canManage} onChanged={() => setVersion((v) => v + 1)} />
      {/* Always in the page, so the end of sending is read out politely when it comes. */}
      <Caption1 role="status" data-testid="sending-finished">{finished}</Caption1>
      {(known.status === 'sending' || known.status === 'sent') && (
        <ProgressSection announcement={known} onSettled={onSettled} />
      )}
      {known.status !== 'scheduled' && known.status !== 'cancelled' && (
        <ReachSections announcement={known} version={version} canRemind={props.canManage} scopeName={scopeName} />
      )}
      {known.status === 'scheduled' && <Body1 as="p">{t('announcements.notYet', { date: reachFormat.moment(known.sendAt) })}</Body1>}
      {/* Whatever became of its own sending: an announcement may have been posted elsewhere first. */}
      <PostsElsewhereSection announcementId={known.id} canManage={props.canManage} />
    </div>
  );
}

function Head(props: { announcement: AnnouncementDetail; canManage: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { api } = useSession();
  const styles = useStyles();
  const audience = useAnnouncementAudienceText();
  const when = useWhenText();
  const cancel = useAction();
  const a = props.announcement;
  const languages = LOCALES.filter((l) => a.content.versions[l]).map((l) => (l === a.content.fallbackLocale ? t('announcements.fallbackMark', { language: LOCALE_NAMES[l] }) : LOCALE_NAMES[l]));
  return (
    <div className={styles.head}>
      <Link href={hashOf('reach')}>{t('announcements.back')}</Link>
      <div className={styles.titleRow}>
        <Title2 as="h1">{a.title}</Title2>
        <StatusBadge status={a.status} />
        {a.requiresAcknowledgement && <Badge appearance="outline" color="important" data-testid="requires-ack">{t('announcements.requiresAck')}</Badge>}
      </div>
      <dl className={styles.facts}>
        <dt className={styles.term}><Caption1>{t('announcements.audience.label')}</Caption1></dt>
        <dd><Caption1>{audience(a.audience)}</Caption1></dd>
        <dt className={styles.term}><Caption1>{t('announcements.when.label')}</Caption1></dt>
        <dd><Caption1>{when(a)}</Caption1></dd>
        <dt className={styles.term}><Caption1>{t('announcements.languages')}</Caption1></dt>
        <dd><Caption1>{languages.join(', ')}</Caption1></dd>
      </dl>
      {props.canManage && a.status === 'scheduled' && (
        <div className={styles.actions} data-print="hide">
          <Button
            disabledFocusable={cancel.busy}
            onClick={() => void cancel.run(() => api.post(cancelPath(a.id), {})).then((done) => done && props.onChanged())}
          >
            {t('announcements.cancel')}
          </Button>
          <ProblemBar error={cancel.error} title={t('announcements.cancelFailed')} />
        </div>
      )}
    </div>
  );
}

function ProgressSection(props: { announcement: AnnouncementDetail; onSettled: (p: Progress) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const a = props.announcement;
  const { progress, error } = useProgressPolling(a.id, a.progress, a.status === 'sending', props.onSettled);
  return (
    <section className={styles.section} aria-labelledby="reach-progress">
      <Subtitle1 as="h2" id="reach-progress">{t(a.status === 'sending' ? 'announcements.progress.heading' : 'announcements.progress.headingDone')}</Subtitle1>
      <SendProgress progress={progress} label={t('announcements.progress.label')} />
      {error ? <Caption1 className={styles.note}>{t('announcements.progress.pollFailed')}</Caption1> : null}
    </section>
  );
}

function ReachSections(props: { announcement: AnnouncementDetail; version: number; canRemind: boolean; scopeName: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const data = useReachData(props.announcement.id, props.version);
  const loaded = data.kind === 'ready' ? data.data : data.kind === 'loading' ? data.previous : undefined;
  if (data.kind === 'failed') return <LoadProblem error={data.error} onRetry={data.retry} what="reach" />;
  if (!loaded) return <Spinner label={t('announcements.reachLoading')} />;
  const { reach, timeline, unreached } = loaded;
  const ack = props.announcement.requiresAcknowledgement;
  const readKnown = reach.readReceipts === 'seen';
  return (
    <>
      <FunnelSection reach={reach} requiresAcknowledgement={ack} scopeName={props.scopeName} />
      <section className={styles.section} aria-labelledby="reach-units">
        <Subtitle1 as="h2" id="reach-units">{t('announcements.units.heading')}</Subtitle1>
        <Body1 as="p" className={styles.note}>{t('announcements.units.intro', { minGroupSize: reach.minGroupSize })}</Body1>
        {reach.units.length === 0 ? <Body1 as="p">{t('announcements.units.none')}</Body1> : <UnitReachTable reach={reach} requiresAcknowledgement={ack} labelledBy="reach-units" />}
      </section>
      <TimelineSection timeline={timeline} requiresAcknowledgement={ack} readKnown={readKnown} />
      <UnreachedSection announcement={props.announcement} unreached={unreached} minGroupSize={reach.minGroupSize} canRemind={props.canRemind} readKnown={readKnown} />
    </>
  );
}
