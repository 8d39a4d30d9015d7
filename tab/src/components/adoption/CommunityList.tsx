import { Body1, Button, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../adoption/format';
import type { Community } from '../../adoption/types';

/** Long lists open on demand, so the page stays short on a phone. */
const FIRST = 8;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  name: { overflowWrap: 'anywhere' },
  meta: { display: 'block', color: tokens.colorNeutralForeground2 },
});

/** Most active first; hidden ones (too few people) last, since they have no figure to rank by. */
const byActivity = (a: Community, b: Community) => (b.activeUsers ?? -1) - (a.activeUsers ?? -1) || a.name.localeCompare(b.name);

/** The Teams teams or Viva Engage communities of a unit, with their active people and posts. */
export function CommunityList(props: { kind: Community['kind']; communities: Community[]; minGroupSize: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useStyles();
  const heading = useId();
  const [all, setAll] = useState(false);
  const sorted = props.communities.filter((c) => c.kind === props.kind).sort(byActivity);
  const shown = all ? sorted : sorted.slice(0, FIRST);
  return (
    <section className={styles.section} aria-labelledby={heading} data-testid={`communities-${props.kind}`}>
      <Subtitle2 as="h3" id={heading}>{t(`adoption.communities.${props.kind}`)}</Subtitle2>
      {sorted.length === 0 ? (
        <Body1>{t('adoption.communities.none')}</Body1>
      ) : (
        <ul className={styles.list}>
          {shown.map((community) => (
            <li key={community.id}>
              <Body1 className={styles.name}>{community.name}</Body1>
              <Caption1 className={styles.meta}>
                {community.suppressed || community.activeUsers === null
                  ? t('adoption.communities.hidden', { minGroupSize: props.minGroupSize })
                  : [
                      t('adoption.communities.active', { count: format.number(community.activeUsers) }),
                      community.posts !== null ? t('adoption.communities.posts', { count: format.number(community.posts) }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      {sorted.length > FIRST && (
        <Button appearance="subtle" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('adoption.communities.showFewer') : t('adoption.communities.showAll', { count: format.number(sorted.length) })}
        </Button>
      )}
    </section>
  );
}
