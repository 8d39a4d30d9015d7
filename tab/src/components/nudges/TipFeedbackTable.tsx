import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useEffectFormat } from '../../nudges/format';
import type { TipFeedback } from '../../nudges/types';
import { Percent } from '../adoption/Percent';
import { ScrollRegion } from '../adoption/ScrollRegion';

const useStyles = makeStyles({
  table: { minWidth: '30rem' },
  row: { ':hover': { backgroundColor: 'transparent' }, ':active': { backgroundColor: 'transparent' } },
  name: { fontWeight: tokens.fontWeightRegular, textAlign: 'start' },
  hidden: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
});

/** What staff answered under each tip ("this helped / not for me"), only once enough have answered. */
export function TipFeedbackTable(props: { tips: TipFeedback[]; minGroupSize: number; labelledBy: string }) {
  const { t } = useTranslation();
  const format = useEffectFormat();
  const styles = useStyles();
  return (
    <ScrollRegion label={t('nudges.feedback.region')}>
      <Table className={styles.table} aria-labelledby={props.labelledBy} data-testid="tip-feedback-table">
        <TableHeader>
          <TableRow className={styles.row}>
            <TableHeaderCell scope="col">{t('nudges.feedback.tip')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('nudges.feedback.answers')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('nudges.feedback.helped')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('nudges.feedback.notForMe')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.tips.map((tip) => (
            <TableRow key={tip.tip} className={styles.row} data-tip={tip.tip}>
              <TableHeaderCell scope="row" className={styles.name}>{t(`nudges.tipNames.${tip.tip}`, { defaultValue: tip.tip })}</TableHeaderCell>
              {tip.answers === null || tip.helped === null || tip.notForMe === null ? (
                <TableCell colSpan={3} className={styles.hidden} data-testid="too-few-answers">{t('nudges.feedback.tooFew', { minGroupSize: props.minGroupSize })}</TableCell>
              ) : (
                <>
                  <TableCell>{format.number(tip.answers)}</TableCell>
                  <TableCell><Percent count={tip.helped} staff={tip.answers} /></TableCell>
                  <TableCell><Percent count={tip.notForMe} staff={tip.answers} /></TableCell>
                </>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
