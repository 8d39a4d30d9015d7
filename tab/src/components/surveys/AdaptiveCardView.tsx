import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** An Adaptive Card element as JSON: only the properties read here are named. */
type Element = { type?: string; isVisible?: boolean; id?: string; [key: string]: unknown };

const useStyles = makeStyles({
  card: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '28rem', boxSizing: 'border-box', padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge, backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, boxShadow: tokens.shadow4, overflowWrap: 'anywhere',
  },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  columns: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  column: { flex: '1 1 8rem', minWidth: 0 },
  text: { margin: 0, whiteSpace: 'pre-wrap' },
  large: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  medium: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  small: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  bolder: { fontWeight: tokens.fontWeightSemibold },
  subtle: { color: tokens.colorNeutralForeground2 },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXXS },
  choice: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  input: {
    boxSizing: 'border-box', width: '100%', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, font: 'inherit',
    color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorNeutralBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium,
  },
  label: { display: 'block', fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXXS },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, margin: 0, '& dd': { margin: 0 } },
  actions: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  action: {
    display: 'inline-block', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, fontWeight: tokens.fontWeightSemibold,
  },
  positive: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand, border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandBackground}` },
  unknown: { fontStyle: 'italic', color: tokens.colorNeutralForeground2 },
});

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown): Element[] => (Array.isArray(value) ? (value.filter((v) => v && typeof v === 'object') as Element[]) : []);

/** Card markdown's bold (**…**) as bold; other markup shows as written, as Teams shows it in a preview. */
function markdown(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*)/g).map((part, i) => (/^\*\*[^*]+\*\*$/.test(part) ? <strong key={i}>{part.slice(2, -2)}</strong> : part));
}

/**
 * A read-only rendering of an Adaptive Card as staff get it: its text blocks, inputs (disabled, with
 * their labels) and buttons, in the order of the card. Elements this preview does not know are named,
 * not dropped, so nothing on the card goes unseen.
 */
export function AdaptiveCardView(props: { card: unknown; label: string }) {
  const styles = useStyles();
  const card = (props.card && typeof props.card === 'object' ? props.card : {}) as Element;
  return (
    <div role="group" aria-label={props.label} className={styles.card} data-testid="card-preview" lang={str(card.lang) || undefined}>
      <Elements items={list(card.body)} />
      <Actions actions={list(card.actions)} />
    </div>
  );
}

function Elements(props: { items: Element[] }) {
  const styles = useStyles();
  const visible = props.items.filter((item) => item.isVisible !== false);
  if (visible.length === 0) return null;
  return (
    <div className={styles.stack}>
      {visible.map((item, index) => (
        <CardElement key={item.id ?? index} element={item} />
      ))}
    </div>
  );
}

function CardElement({ element }: { element: Element }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const id = useId();
  // Teams marks a required input's label with an asterisk; the card's own text explains it.
  const label = `${str(element.label) || str(element.placeholder) || str(element.title)}${element.isRequired === true ? ' *' : ''}`;
  switch (element.type) {
    case 'TextBlock': {
      const size = str(element.size).toLowerCase();
      return (
        <p className={mergeClasses(styles.text, size === 'large' || size === 'extralarge' ? styles.large : size === 'medium' ? styles.medium : size === 'small' ? styles.small : undefined, element.weight === 'Bolder' && styles.bolder, element.isSubtle === true && styles.subtle)}>
          {markdown(str(element.text))}
        </p>
      );
    }
    case 'RichTextBlock':
      return <p className={styles.text}>{list(element.inlines).map((inline, i) => <span key={i} className={inline.weight === 'Bolder' ? styles.bolder : undefined}>{str(inline.text)}</span>)}</p>;
    case 'Container':
      return <Elements items={list(element.items)} />;
    case 'ColumnSet':
      return (
        <div className={styles.columns}>
          {list(element.columns).map((column, i) => (
            <div key={i} className={styles.column}><Elements items={list(column.items)} /></div>
          ))}
        </div>
      );
    case 'FactSet':
      return (
        <dl className={styles.facts}>
          {list(element.facts).map((fact, i) => [<dt key={`t${i}`} className={styles.bolder}>{str(fact.title)}</dt>, <dd key={`v${i}`}>{str(fact.value)}</dd>])}
        </dl>
      );
    case 'Image':
      return <Caption1 className={styles.unknown}>{t('surveys.preview.image', { alt: str(element.altText) })}</Caption1>;
    case 'ActionSet':
      return <Actions actions={list(element.actions)} />;
    case 'Input.ChoiceSet': {
      const choices = list(element.choices);
      const multi = element.isMultiSelect === true;
      if (element.style === 'compact' && !multi) {
        return (
          <div>
            <label htmlFor={id} className={styles.label}>{label}</label>
            <select id={id} disabled className={styles.input}>
              {choices.map((c, i) => <option key={i}>{str(c.title)}</option>)}
            </select>
          </div>
        );
      }
      return (
        <fieldset className={styles.fieldset} disabled>
          <legend className={styles.legend}>{label}</legend>
          {choices.map((choice, i) => (
            <label key={i} className={styles.choice}>
              <input type={multi ? 'checkbox' : 'radio'} name={id} disabled />
              {str(choice.title)}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'Input.Text':
    case 'Input.Number':
    case 'Input.Date':
    case 'Input.Time':
      return (
        <div>
          <label htmlFor={id} className={styles.label}>{label}</label>
          {element.isMultiline ? (
            <textarea id={id} disabled rows={3} className={styles.input} placeholder={str(element.placeholder)} />
          ) : (
            <input id={id} disabled className={styles.input} placeholder={str(element.placeholder)} />
          )}
        </div>
      );
    case 'Input.Toggle':
      return (
        <label className={styles.choice}>
          <input type="checkbox" disabled />
          {str(element.title) || label}
        </label>
      );
    default:
      return <Caption1 className={styles.unknown}>{t('surveys.preview.unknown', { type: str(element.type) || '?' })}</Caption1>;
  }
}

/** The card's buttons, as they look; in a preview they do nothing, so they are not buttons. */
function Actions(props: { actions: Element[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (props.actions.length === 0) return null;
  return (
    <ul className={styles.actions} aria-label={t('surveys.preview.buttons')}>
      {props.actions.map((action, i) => (
        <li key={i} className={mergeClasses(styles.action, action.style === 'positive' && styles.positive)} data-action={str(action.type)}>
          {str(action.title)}
        </li>
      ))}
    </ul>
  );
}
