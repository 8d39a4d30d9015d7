import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionResult } from '../../surveys/types';

const FIRST = 10;

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  note: { fontStyle: 'italic', color: tokens.colorNeutralForeground2, margin: 0 },
});

/**
 * Free-text answers as the server gives them (sorted, so their order says nothing about who or when), or
 * why they are not shown: the reader's role may not read them, or too few answered.
 */
export function FreeTexts(props: { result: QuestionResult | undefined; minGroupSize: number; printing?: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const texts = props.result?.texts;
  if (texts === 'hidden') return <Body1 as="p" className={styles.note} data-testid="texts-hidden">{t('surveys.results.textsHidden')}</Body1>;
  if (texts === undefined) return <Body1 as="p" className={styles.note} data-testid="texts-hidden">{t('surveys.results.textsTooFew', { minGroupSize: props.minGroupSize })}</Body1>;
  if (texts.length === 0) return <Body1 as="p" className={styles.note}>{t('surveys.results.textsNone')}</Body1>;
  const shown = all || props.printing ? texts : texts.slice(0, FIRST);
  return (
    <>
      <ul className={styles.list} data-testid="free-texts">
        {shown.map((text, index) => (
          <li key={index}>
            <Body1 className={styles.text}>{text}</Body1>
          </li>
        ))}
      </ul>
      {texts.length > FIRST && !props.printing && (
        <Button appearance="subtle" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('surveys.results.showFewer') : t('surveys.results.showAllTexts', { count: texts.length })}
        </Button>
      )}
    </>
  );
}
