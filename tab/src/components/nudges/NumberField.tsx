import { Field, Input, makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  field: { maxWidth: '34rem' },
  input: { width: '8rem' },
});

/**
 * A whole number with its limits in the hint and a problem beside it. The value stays as typed, so the
 * form can say what is wrong with it rather than quietly correct it.
 */
export function NumberField(props: {
  id: string;
  label: string;
  hint: string;
  value: string;
  min: number;
  max: number;
  problem?: string;
  onChange: (value: string) => void;
}) {
  const styles = useStyles();
  return (
    <Field
      className={styles.field}
      label={{ children: props.label, htmlFor: props.id }}
      hint={props.hint}
      validationMessage={props.problem}
      validationState={props.problem ? 'error' : 'none'}
    >
      <Input id={props.id} className={styles.input} type="number" inputMode="numeric" min={props.min} max={props.max} step={1} value={props.value} onChange={(_, data) => props.onChange(data.value)} />
    </Field>
  );
}
