import { Body1, Caption1, makeStyles, Subtitle1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useReachFormat } from '../../announcements/format';
import { countOf, stagesOf } from '../../announcements/funnel';
import type { Reach } from '../../announcements/types';
import { ScrollRegion } from '../adoption/ScrollRegion';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, '& h2, & p': { margin: 0 } },
  chart: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '40rem', minWidth: 0 },
  stage: { display: 'grid', gridTemplateColumns: 'minmax(5rem, 10rem) minmax(3rem, 1fr) minmax(max-content, 7rem)', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  label: { overflowWrap: 'anywhere' },
  track: {
    height: '22px', borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorNeutralBackground3, overflow: 'hidden',
    // A visible edge, so the empty part shows in high contrast too.
    outline: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  fill: { height: '100%', borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorCompoundBrandBackground, minWidth: '2px' },
  unknown: { height: '100%', width: '100%', backgroundImage: `repeating-linear-gradient(45deg, ${tokens.colorNeutralStroke1} 0 2px, transparent 2px 8px)` },
  figure: { paddingLeft: tokens.spacingHorizontalS, whiteSpace: 'nowrap' },
  table: { minWidth: '22rem', maxWidth: '40rem' },
  row: { ':hover': { backgroundColor: 'transparent' }, ':active': { backgroundColor: 'transparent' } },
  note: { color: tokens.colorNeutralForeground2, maxWidth: '48rem' },
});

/**
 * The reach funnel for the municipality (or the units a lead sees): targeted → on Teams → delivered →
 * read → acknowledged → clicked, each as people and share of the targeted. The bars are one picture
 * with its figures in words; the same figures follow as a table. Reads without any receipt show as
 * unknown, never as unread.
 */
export function FunnelSection(props: { reach: Reach; requiresAcknowledgement: boolean; scopeName: string }) {
  const { t } = useTranslation();
  const format = useReachFormat();
  const styles = useStyles();
  const funnel = props.reach.municipality;
  const readKnown = props.reach.readReceipts === 'seen';
  if (!funnel) {
    return (
      <section className={styles.section} aria-labelledby="reach-funnel">
        <Subtitle1 as="h2" id="reach-funnel">{t('announcements.funnel.heading', { name: props.scopeName })}</Subtitle1>
        <Body1 as="p">{t('announcements.funnel.hidden', { minGroupSize: props.reach.minGroupSize })}</Body1>
      </section>
    );
  }
  const stages = stagesOf(funnel, props.requiresAcknowledgement);
  const rows = stages.map((stage) => {
    const count = countOf(funnel, stage, readKnown);
    return { stage, name: t(`announcements.funnel.stages.${stage}`), count, share: count === null ? null : format.share(count, funnel.targeted) };
  });
  const spoken = rows.map((r) => (r.count === null ? `${r.name}: ${t('announcements.funnel.unknown')}` : `${r.name}: ${format.number(r.count)} (${r.share})`)).join('; ');
  return (
    <section className={styles.section} aria-labelledby="reach-funnel">
      <Subtitle1 as="h2" id="reach-funnel">{t('announcements.funnel.heading', { name: props.scopeName })}</Subtitle1>
      <div role="img" aria-label={`${t('announcements.funnel.chart')}: ${spoken}`} className={styles.chart} data-testid="funnel-chart">
        {rows.map((r) => (
          <div key={r.stage} className={styles.stage} data-stage={r.stage}>
            <Caption1 className={styles.label}>{r.name}</Caption1>
            <div className={styles.track}>
              {r.count === null ? (
                <div className={styles.unknown} />
              ) : (
                <div className={styles.fill} style={{ width: `${funnel.targeted > 0 ? (r.count / funnel.targeted) * 100 : 0}%` }} />
              )}
            </div>
            <Caption1 className={styles.figure}>{r.count === null ? t('announcements.funnel.unknown') : `${r.share} (${format.number(r.count)})`}</Caption1>
          </div>
        ))}
      </div>
      <ScrollRegion label={t('announcements.funnel.region')}>
        <Table className={styles.table} aria-labelledby="reach-funnel" size="small" data-testid="funnel-table">
          <TableHeader>
            <TableRow className={styles.row}>
              <TableHeaderCell scope="col">{t('announcements.funnel.stage')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('announcements.funnel.people')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('announcements.funnel.ofTargeted')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.stage} className={styles.row} data-stage={r.stage}>
                <TableHeaderCell scope="row">{r.name}</TableHeaderCell>
                <TableCell>{r.count === null ? t('announcements.funnel.unknown') : format.number(r.count)}</TableCell>
                <TableCell>{r.share ?? '–'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
      <Caption1 as="p" className={styles.note} data-testid="read-receipts">
        {readKnown ? t('announcements.funnel.readSeen') : t('announcements.funnel.readNone')}
      </Caption1>
      <Caption1 as="p" className={styles.note} data-testid="on-teams-note">
        {funnel.onTeams === null ? t('announcements.funnel.noAdoption') : t('announcements.funnel.onTeamsExplained')}
      </Caption1>
      {!props.requiresAcknowledgement && <Caption1 as="p" className={styles.note}>{t('announcements.funnel.noAck')}</Caption1>}
    </section>
  );
}
