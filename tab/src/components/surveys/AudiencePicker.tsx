import { Caption1, Checkbox, Field, Input, makeStyles, Radio, RadioGroup, Spinner, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../adoption/format';
import type { Draft } from '../../surveys/draft';
import { useUnits } from '../../surveys/hooks';
import type { OrgUnit } from '../../surveys/types';
import { GroupPicker } from './GroupPicker';

const useStyles = makeStyles({
  picker: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  tree: {
    listStyle: 'none', margin: 0, padding: tokens.spacingVerticalXS, maxHeight: '20rem', overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  note: { color: tokens.colorNeutralForeground2 },
});

type AudienceDraft = Draft['audience'];

/** Another kind of audience a feature offers (announcements: the members of a Teams team), with its own fields. */
export interface ExtraAudienceKind<K extends string> {
  kind: K;
  label: string;
  fields: ReactNode;
}

/** Ids of a unit's ancestors, by parent links. */
function ancestorsOf(unit: OrgUnit, byId: Map<string, OrgUnit>): string[] {
  const ids: string[] = [];
  for (let parent = unit.parentId ? byId.get(unit.parentId) : undefined; parent; parent = parent.parentId ? byId.get(parent.parentId) : undefined) ids.push(parent.id);
  return ids;
}

/**
 * Who gets the survey: everyone, units (each with its sub-units, picked from the unit tree), or Entra ID
 * groups. A unit lead who leads no more than their own units picks among those.
 */
export function AudiencePicker<K extends string = AudienceDraft['kind']>(props: {
  value: Omit<AudienceDraft, 'kind'> & { kind: K | AudienceDraft['kind'] };
  onChange: (value: Omit<AudienceDraft, 'kind'> & { kind: K | AudienceDraft['kind'] }) => void;
  ownUnitsOnly: boolean;
  ownUnitIds: string[];
  problem?: string;
  extraKinds?: Array<ExtraAudienceKind<K>>;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const units = useUnits();
  const [filter, setFilter] = useState('');
  type Value = typeof props.value;
  const set = (patch: Partial<Value>) => props.onChange({ ...props.value, ...patch });
  const kinds: Array<Value['kind']> = props.ownUnitsOnly ? ['units'] : ['everyone', 'units', 'groups', ...(props.extraKinds ?? []).map((extra) => extra.kind)];
  const extra = props.extraKinds?.find((e) => e.kind === props.value.kind);

  const all = units.kind === 'ready' ? units.data.units : [];
  const byId = new Map(all.map((u) => [u.id, u]));
  // A unit lead may only send within their own units' subtrees.
  const allowed = props.ownUnitsOnly ? all.filter((u) => props.ownUnitIds.includes(u.id) || ancestorsOf(u, byId).some((id) => props.ownUnitIds.includes(id))) : all;
  const needle = filter.trim().toLowerCase();
  const listed = needle ? allowed.filter((u) => u.path.join(' / ').toLowerCase().includes(needle)) : allowed;
  const selected = new Set(props.value.unitIds);
  const toggle = (unit: OrgUnit, on: boolean) => set({ unitIds: on ? [...props.value.unitIds, unit.id] : props.value.unitIds.filter((id) => id !== unit.id) });

  return (
    <div className={styles.picker}>
      <Field label={t('surveys.audience.label')} validationMessage={props.value.kind === 'everyone' ? undefined : props.problem}>
        <RadioGroup value={props.value.kind} onChange={(_, data) => set({ kind: data.value as Value['kind'] })}>
          {kinds.map((kind) => (
            <Radio key={kind} value={kind} label={props.extraKinds?.find((e) => e.kind === kind)?.label ?? t(`surveys.audience.${kind as string}`)} />
          ))}
        </RadioGroup>
      </Field>
      {props.value.kind === 'units' && (
        <>
          <Field label={t('surveys.audience.find')}>
            <Input type="search" value={filter} onChange={(_, data) => setFilter(data.value)} />
          </Field>
          {units.kind === 'loading' && <Spinner size="small" label={t('surveys.audience.loading')} />}
          {units.kind === 'failed' && <Caption1 role="alert">{t('surveys.audience.failed')}</Caption1>}
          {units.kind === 'ready' && !units.data.complete && <Caption1 className={styles.note}>{t('surveys.audience.ownOnly')}</Caption1>}
          {units.kind === 'ready' && (
            <ul className={styles.tree} aria-label={t('surveys.audience.units')} data-testid="unit-tree">
              {listed.map((unit) => {
                const covered = ancestorsOf(unit, byId).some((id) => selected.has(id));
                return (
                  <li key={unit.id} style={{ paddingLeft: needle ? 0 : `${(unit.path.length - 1) * 1.25}rem` }}>
                    <Checkbox
                      checked={covered || selected.has(unit.id)}
                      disabled={covered}
                      onChange={(_, data) => toggle(unit, data.checked === true)}
                      label={needle ? format.unitPath(unit.path) : format.unitName(unit.name)}
                    />
                  </li>
                );
              })}
              {listed.length === 0 && <li><Caption1>{t('surveys.audience.noMatch')}</Caption1></li>}
            </ul>
          )}
          <Caption1 className={styles.note} role="status">{t('surveys.audience.chosen', { count: props.value.unitIds.length })}</Caption1>
        </>
      )}
      {props.value.kind === 'groups' && <GroupPicker value={props.value.groups} onChange={(groups) => set({ groups })} />}
      {extra?.fields}
    </div>
  );
}
