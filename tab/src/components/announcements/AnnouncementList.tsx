import { Badge, Body1, Caption1, Card, Link, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useAnnouncementAudienceText } from '../../announcements/audience-text';
import { useReachFormat } from '../../announcements/format';
import type { AnnouncementSummary } from '../../announcements/types';
import { hashOf } from '../../routes';
import { SendProgress } from './SendProgress';
import { StatusBadge } from './StatusBadge';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: { gap: tokens.spacingVerticalS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { margin: 0, overflowWrap: 'anywhere' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0, '& dd': { margin: 0, overflowWrap: 'anywhere' } },
  term: { color: tokens.colorNeutralForeground2 },
});

/** When it went (or goes) out, in words. */
export function useWhenText() {
  const { t } = useTranslation();
  const format = useReachFormat();
  return (a: Pick<AnnouncementSummary, 'status' | 'sendAt'>) =>
    t(a.status === 'scheduled' ? 'announcements.when.scheduled' : a.status === 'cancelled' ? 'announcements.when.cancelled' : 'announcements.when.sent', { date: format.moment(a.sendAt) });
}

/**
 * The announcements, newest first: title, status, whether it asks for acknowledgement, audience, when,
 * and how far sending has come. A title leads to its reach.
 */
export function AnnouncementList(props: { announcements: AnnouncementSummary[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const audience = useAnnouncementAudienceText();
  const when = useWhenText();
  if (props.announcements.length === 0) return <Body1 as="p">{t('announcements.list.none')}</Body1>;
  const newestFirst = [...props.announcements].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <ul className={styles.list} data-testid="announcement-list">
      {newestFirst.map((a) => (
        <li key={a.id} data-announcement-id={a.id}>
          <Card className={styles.card}>
            <div className={styles.head}>
              <Subtitle2 as="h3" className={styles.title}>
                <Link href={hashOf('reach', a.id)}>{a.title}</Link>
              </Subtitle2>
              <StatusBadge status={a.status} />
              {a.requiresAcknowledgement && (
                <Badge appearance="outline" color="important" data-testid="requires-ack">{t('announcements.requiresAck')}</Badge>
              )}
            </div>
            <dl className={styles.facts}>
              <dt className={styles.term}><Caption1>{t('announcements.audience.label')}</Caption1></dt>
              <dd><Caption1>{audience(a.audience)}</Caption1></dd>
              <dt className={styles.term}><Caption1>{t('announcements.when.label')}</Caption1></dt>
              <dd><Caption1>{when(a)}</Caption1></dd>
            </dl>
            {a.status === 'sending' && <SendProgress progress={a.progress} compact label={t('announcements.progress.labelFor', { title: a.title })} />}
          </Card>
        </li>
      ))}
    </ul>
  );
}
