import { Caption1, Checkbox, Field, Input, makeStyles, Spinner, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../adoption/use-load';
import { ApiError } from '../../api';
import { useSession } from '../../session';
import { groupIdsOf } from '../../surveys/draft';
import { groupsPath } from '../../surveys/queries';

type Group = { id: string; displayName: string };

const useStyles = makeStyles({
  picker: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: {
    listStyle: 'none', margin: 0, padding: tokens.spacingVerticalXS, maxHeight: '16rem', overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1,
  },
  note: { color: tokens.colorNeutralForeground2 },
});

/**
 * Entra ID groups, found by the start of their name (`GET /api/v1/groups?search=`). Chosen groups stay
 * listed while searching on. Where the server cannot read groups, their object ids can be pasted instead.
 */
export function GroupPicker(props: { value: Group[]; onChange: (groups: Group[]) => void }) {
  const { t } = useTranslation();
  const { api } = useSession();
  const styles = useStyles();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  // Asks once the typing pauses, not for every letter.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useLoad(`groups|${search}`, () => api.get<{ groups: Group[] }>(groupsPath(search)));
  const chosen = new Set(props.value.map((g) => g.id));
  const toggle = (group: Group, on: boolean) => props.onChange(on ? [...props.value, group] : props.value.filter((g) => g.id !== group.id));

  if (found.kind === 'failed' && found.error instanceof ApiError && found.error.status === 503) {
    return (
      <Field label={t('surveys.audience.groupIds')} hint={t('surveys.audience.groupHint')}>
        <Textarea
          resize="vertical"
          defaultValue={props.value.map((g) => g.id).join('\n')}
          onChange={(_, data) => props.onChange(groupIdsOf(data.value).map((id) => ({ id, displayName: id })))}
        />
      </Field>
    );
  }
  const listed = [...props.value, ...(found.kind === 'ready' ? found.data.groups.filter((g) => !chosen.has(g.id)) : [])];
  return (
    <div className={styles.picker}>
      <Field label={t('surveys.audience.findGroup')}>
        <Input type="search" value={typed} onChange={(_, data) => setTyped(data.value)} />
      </Field>
      {found.kind === 'loading' && <Spinner size="small" label={t('surveys.audience.groupsLoading')} />}
      {found.kind === 'failed' && <Caption1 role="alert">{t('surveys.audience.groupsFailed')}</Caption1>}
      <ul className={styles.list} aria-label={t('surveys.audience.groups')} data-testid="group-list">
        {listed.map((group) => (
          <li key={group.id}>
            <Checkbox checked={chosen.has(group.id)} onChange={(_, data) => toggle(group, data.checked === true)} label={group.displayName} />
          </li>
        ))}
        {listed.length === 0 && found.kind === 'ready' && <li><Caption1>{t('surveys.audience.noGroups')}</Caption1></li>}
      </ul>
      <Caption1 className={styles.note} role="status">{t('surveys.audience.groupsChosen', { count: props.value.length })}</Caption1>
    </div>
  );
}
