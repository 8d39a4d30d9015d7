import { Body1, Button, Caption1, Link, makeStyles, mergeClasses, MessageBar, MessageBarBody, Subtitle1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../adoption/format';
import { reminderPath } from '../../announcements/queries';
import { isShownUnreached, type AnnouncementDetail, type Unreached } from '../../announcements/types';
import { ApiError } from '../../api';
import { hashOf } from '../../routes';
import { useSession } from '../../session';
import { useAction } from '../../surveys/hooks';
import { ScrollRegion } from '../adoption/ScrollRegion';
import { ProblemBar } from '../surveys/ProblemBar';
import { useHiddenText } from './hidden-text';
import { UnitRowHeader } from '../UnitRowHeader';

const PHONE = '@media (max-width: 640px)';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, '& h2, & p': { margin: 0 } },
  table: { minWidth: '44rem' },
  sticky: { position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground2 },
  unitColumn: { width: '26%', [PHONE]: { width: '9rem' } },
  row: { ':hover': { backgroundColor: 'transparent' }, ':active': { backgroundColor: 'transparent' } },
  hidden: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
  reminder: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS, maxWidth: '48rem' },
  note: { color: tokens.colorNeutralForeground2 },
});

/**
 * Who was not reached in each unit, and why: not on Teams, delivery failed, not reachable, not read after
 * N days. Each unit has a briefing sheet for its lead; the communicator can send one reminder to those
 * who have not read.
 */
export function UnreachedSection(props: { announcement: AnnouncementDetail; unreached: Unreached; minGroupSize: number; canRemind: boolean; readKnown: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useStyles();
  const hiddenText = useHiddenText(props.minGroupSize);
  const days = props.unreached.notReadAfterDays;
  const id = props.announcement.id;
  return (
    <section className={styles.section} aria-labelledby="reach-unreached">
      <Subtitle1 as="h2" id="reach-unreached">{t('announcements.unreached.heading')}</Subtitle1>
      <Body1 as="p" id="reach-unreached-intro">{t('announcements.unreached.intro', { count: days })}</Body1>
      {props.unreached.units.length === 0 ? (
        <Body1 as="p">{t('announcements.unreached.none')}</Body1>
      ) : (
        <ScrollRegion label={t('announcements.unreached.region')}>
          <Table className={styles.table} aria-labelledby="reach-unreached" aria-describedby="reach-unreached-intro" data-testid="unreached-table">
            <TableHeader>
              <TableRow className={styles.row}>
                <TableHeaderCell scope="col" className={mergeClasses(styles.unitColumn, styles.sticky)}>{t('adoption.units.unit')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('announcements.unreached.notOnTeams')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('announcements.unreached.failed')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('announcements.unreached.unreachable')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('announcements.unreached.notRead', { count: days })}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('announcements.unreached.briefing')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {props.unreached.units.map((unit) => {
                const name = format.unitName(unit.name);
                return (
                  <TableRow key={unit.unitId} className={styles.row} data-unit-id={unit.unitId}>
                    <UnitRowHeader path={unit.path} name={unit.name} />
                    {isShownUnreached(unit) ? (
                      <>
                        <TableCell>{unit.notOnTeams === null ? t('announcements.funnel.unknown') : format.number(unit.notOnTeams)}</TableCell>
                        <TableCell>{format.number(unit.failed)}</TableCell>
                        <TableCell>{format.number(unit.unreachable)}</TableCell>
                        <TableCell>{props.readKnown ? format.number(unit.notRead) : t('announcements.funnel.unknown')}</TableCell>
                        <TableCell>
                          <Link href={hashOf('reach', id, 'briefing', unit.unitId)} aria-label={t('announcements.unreached.briefingFor', { name })}>{t('announcements.unreached.briefingLink')}</Link>
                        </TableCell>
                      </>
                    ) : (
                      <TableCell colSpan={5} className={styles.hidden} data-testid="hidden-unit">{hiddenText(unit.hidden)}</TableCell>
                    )}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
      {props.canRemind && <ReminderButton announcement={props.announcement} days={days} />}
    </section>
  );
}

/**
 * One reminder per announcement, to those who have not read it. Pressed once (or sent before: the
 * API answers 409), the button stays disabled and says why; while sending it waits for the end.
 */
function ReminderButton(props: { announcement: AnnouncementDetail; days: number }) {
  const { t } = useTranslation();
  const { api } = useSession();
  const format = useFormat();
  const styles = useStyles();
  const action = useAction();
  const [queued, setQueued] = useState<number | null>(null);
  const [already, setAlready] = useState(Boolean(props.announcement.reminderSentAt));
  const sending = props.announcement.status !== 'sent';
  const send = async () => {
    let conflict = false;
    const answer = await action.run(async () => {
      try {
        return await api.post<{ queued: number }>(reminderPath(props.announcement.id), {});
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          conflict = true;
          return null;
        }
        throw error;
      }
    });
    if (conflict) setAlready(true);
    else if (answer) setQueued(answer.queued);
  };
  const done = already || queued !== null;
  const explanation = queued !== null
    ? t('announcements.reminder.queued', { count: queued, n: format.number(queued) })
    : already
      ? t('announcements.reminder.already')
      : sending
        ? t('announcements.reminder.wait')
        : t('announcements.reminder.explain');
  return (
    <div className={styles.reminder} data-print="hide" data-testid="reminder">
      <Button appearance="primary" disabledFocusable={done || sending || action.busy} onClick={() => void send()} aria-describedby="reminder-explained">
        {action.busy ? t('announcements.reminder.busy') : t('announcements.reminder.button')}
      </Button>
      {/* Always in the page, so the outcome of the press is read out when it arrives. */}
      <div role="status">
        {done && (
          <MessageBar layout="multiline" intent={queued !== null ? 'success' : 'info'}>
            <MessageBarBody id="reminder-explained" data-testid="reminder-status">{explanation}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {!done && <Caption1 id="reminder-explained" className={styles.note}>{explanation}</Caption1>}
      <ProblemBar error={action.error} title={t('announcements.reminder.failed')} testId="reminder-problem" />
    </div>
  );
}
