import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle1, Title2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnouncements } from '../announcements/hooks';
import type { AnnouncementDetail } from '../announcements/types';
import { AnnouncementList } from '../components/announcements/AnnouncementList';
import { AnnouncementView } from '../components/announcements/AnnouncementView';
import { BriefingSheet } from '../components/announcements/BriefingSheet';
import { ComposeForm } from '../components/announcements/ComposeForm';
import { LoadProblem } from '../components/announcements/LoadProblem';
import { usePrintStyles } from '../components/surveys/print-styles';
import { useFocusHeadingOn } from '../focus-heading';
import { hashOf, useSubPath } from '../routes';
import { useSession } from '../session';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0, '& h1': { margin: 0 } },
  intro: { maxWidth: '48rem', margin: 0 },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
});

/** Who may write and send announcements; a unit lead sees the reach of their own units only. */
const COMPOSERS = ['Communicator', 'AdoptionAdmin'] as const;

/**
 * Announcements and their reach: the list, a new announcement (`#/reach/new`), one announcement's
 * progress and reach (`#/reach/<id>`), and a unit's briefing sheet (`#/reach/<id>/briefing/<unitId>`).
 * The server decides what each role sees and hides small groups.
 */
export function Reach() {
  const { me } = useSession();
  const path = useSubPath();
  const [created, setCreated] = useState<AnnouncementDetail | null>(null);
  const canCompose = me.roles.some((role) => (COMPOSERS as readonly string[]).includes(role));
  usePrintStyles();
  useFocusHeadingOn(path.join('/'));
  const [first, second, third] = path;

  if (first === 'new' && canCompose) {
    return (
      <ComposeForm
        onCreated={(announcement) => {
          setCreated(announcement);
          window.location.hash = hashOf('reach', announcement.id);
        }}
      />
    );
  }
  if (first && first !== 'new' && second === 'briefing' && third) return <BriefingSheet announcementId={first} unitId={third} />;
  if (first && first !== 'new') {
    return (
      <>
        {created?.id === first && <CreatedNotice announcement={created} />}
        <AnnouncementView key={first} announcementId={first} canManage={canCompose} />
      </>
    );
  }
  return <Overview canCompose={canCompose} />;
}

function Overview(props: { canCompose: boolean }) {
  const { t } = useTranslation();
  const { config } = useSession();
  const styles = useStyles();
  const list = useAnnouncements(0);
  return (
    <div className={styles.page}>
      <Title2 as="h1" block>{t('nav.reach')}</Title2>
      <Body1 as="p" className={styles.intro}>{t(props.canCompose ? 'announcements.intro' : 'announcements.introLead', { minGroupSize: config.minGroupSize ?? 5 })}</Body1>
      <div className={styles.bar}>
        <Subtitle1 as="h2">{t('announcements.list.heading')}</Subtitle1>
        {props.canCompose && <Button as="a" href={hashOf('reach', 'new')} appearance="primary">{t('announcements.list.create')}</Button>}
      </div>
      {list.kind === 'loading' && <Spinner label={t('announcements.loading')} />}
      {list.kind === 'failed' && <LoadProblem error={list.error} onRetry={list.retry} what="list" />}
      {list.kind === 'ready' && <AnnouncementList announcements={list.data.announcements} />}
    </div>
  );
}

function CreatedNotice(props: { announcement: AnnouncementDetail }) {
  const { t } = useTranslation();
  const key = props.announcement.status === 'scheduled' ? 'announcements.created.scheduled' : 'announcements.created.sending';
  return (
    <MessageBar layout="multiline" intent="success" role="status" style={{ marginBottom: tokens.spacingVerticalL }} data-testid="created-notice">
      <MessageBarBody>
        <Caption1>{t(key, { title: props.announcement.title })}</Caption1>
      </MessageBarBody>
    </MessageBar>
  );
}
