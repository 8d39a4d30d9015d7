import { Button, Caption1, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moved } from '../../nudges/form';
import type { TeamsTip } from '../../nudges/types';

const useStyles = makeStyles({
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, maxWidth: '34rem' },
  moves: { display: 'flex', gap: tokens.spacingHorizontalXS },
  problem: { color: tokens.colorPaletteRedForeground1 },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

/**
 * Which Teams tips are sent, and in which order: a checkbox per tip, with buttons to move it up or down.
 * A move is announced, and focus stays on the button pressed (it only looks disabled at either end).
 */
export function TipOrderList(props: {
  id: string;
  order: TeamsTip[];
  chosen: TeamsTip[];
  problem?: string;
  onChange: (next: { order: TeamsTip[]; chosen: TeamsTip[] }) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [announced, setAnnounced] = useState('');
  const problemId = `${props.id}-problem`;
  const hintId = `${props.id}-hint`;
  const name = (tip: TeamsTip) => t(`nudges.tipNames.${tip}`);
  const move = (from: number, to: number) => {
    if (to < 0 || to >= props.order.length) return;
    const tip = props.order[from]!;
    props.onChange({ order: moved(props.order, from, to), chosen: props.chosen });
    setAnnounced(t('nudges.rules.teams.movedTo', { name: name(tip), n: to + 1, count: props.order.length }));
  };
  const toggle = (tip: TeamsTip, on: boolean) =>
    props.onChange({ order: props.order, chosen: on ? props.order.filter((x) => x === tip || props.chosen.includes(x)) : props.chosen.filter((x) => x !== tip) });

  return (
    <fieldset className={styles.fieldset} aria-describedby={props.problem ? `${problemId} ${hintId}` : hintId} data-testid="tip-order">
      <legend className={styles.legend}>{t('nudges.rules.teams.tips')}</legend>
      <Caption1 id={hintId} className={styles.hint}>{t('nudges.rules.teams.tipsHint')}</Caption1>
      <ol className={styles.list}>
        {props.order.map((tip, index) => (
          <li key={tip} className={styles.item} data-tip={tip}>
            <Checkbox
              id={index === 0 ? props.id : `${props.id}-${tip}`}
              checked={props.chosen.includes(tip)}
              onChange={(_, data) => toggle(tip, data.checked === true)}
              label={`${index + 1}. ${name(tip)}`}
              aria-describedby={props.problem ? problemId : undefined}
            />
            <span className={styles.moves}>
              <Button size="small" disabledFocusable={index === 0} onClick={() => move(index, index - 1)} aria-label={t('nudges.rules.teams.moveUpN', { name: name(tip) })}>
                {t('nudges.rules.teams.moveUp')}
              </Button>
              <Button size="small" disabledFocusable={index === props.order.length - 1} onClick={() => move(index, index + 1)} aria-label={t('nudges.rules.teams.moveDownN', { name: name(tip) })}>
                {t('nudges.rules.teams.moveDown')}
              </Button>
            </span>
          </li>
        ))}
      </ol>
      {props.problem && (
        <Caption1 id={problemId} role="alert" className={styles.problem} data-testid="field-problem">
          {props.problem}
        </Caption1>
      )}
      <span className={styles.visuallyHidden} aria-live="polite">{announced}</span>
    </fieldset>
  );
}
