import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Fluent's look for the renderer's plain HTML controls; disabled ones look as staff see them, enabled. */
const control = {
  boxSizing: 'border-box', width: '100%', font: 'inherit', color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorNeutralBackground1,
  padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderRadius: tokens.borderRadiusMedium,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderBottomColor: tokens.colorNeutralStrokeAccessible,
  '::placeholder': { color: tokens.colorNeutralForeground3, opacity: 1 },
} as const;

const toggle = {
  appearance: 'none', boxSizing: 'border-box', width: '16px', height: '16px', margin: 0, backgroundColor: tokens.colorNeutralBackground1,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeAccessible}`,
} as const;

const useStyles = makeStyles({
  region: {
    maxWidth: '28rem', minWidth: 0, borderRadius: tokens.borderRadiusLarge, overflow: 'hidden', overflowWrap: 'anywhere',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, boxShadow: tokens.shadow4,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
    '& input[type="text"], & textarea, & select': control,
    '& input[type="radio"]': { ...toggle, borderRadius: '50%' },
    '& input[type="checkbox"]': { ...toggle, borderRadius: tokens.borderRadiusSmall },
    '& .ac-pushButton': {
      minHeight: '32px', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, borderRadius: tokens.borderRadiusMedium,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorNeutralForeground1, fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300,
      fontWeight: tokens.fontWeightSemibold, cursor: 'default',
    },
    '& .ac-pushButton.style-positive': { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand, border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandBackground}` },
    '& .ac-pushButton.style-destructive': { color: tokens.colorStatusDangerForeground1 },
    // Links in a text (announcements), in the theme's link colour rather than the browser's blue.
    '& a': { color: tokens.colorBrandForegroundLink, textDecorationLine: 'underline' },
  },
});

/**
 * The card staff get, drawn by Microsoft's Adaptive Cards renderer with a host config like Teams' in
 * the tab's theme. The renderer is loaded when a card is first shown, so the tab does not carry it
 * until then. Read-only: a labelled region that is one tab stop, with every input and button disabled.
 */
export function AdaptiveCardView(props: { card: unknown; label: string; lang?: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ kind: 'loading' | 'shown' } | { kind: 'failed'; detail: string }>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    import('./render-card').then(
      ({ renderCard }) => {
        if (!current || !host.current) return;
        const rendered = renderCard(props.card);
        if ('error' in rendered) {
          host.current.replaceChildren();
          setState({ kind: 'failed', detail: rendered.error });
          return;
        }
        host.current.replaceChildren(rendered.element);
        setState({ kind: 'shown' });
      },
      (error: unknown) => current && setState({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [props.card]);
  return (
    <>
      {state.kind === 'loading' && <Spinner size="small" label={t('loading')} />}
      {state.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline" data-testid="card-preview-failed">
          <MessageBarBody>
            <MessageBarTitle>{t('surveys.preview.failed')}</MessageBarTitle>
            {state.detail}
          </MessageBarBody>
        </MessageBar>
      )}
      {/* The renderer's DOM goes in here; React keeps no children of its own in it. */}
      <div
        ref={host}
        role="region"
        aria-label={props.label}
        aria-busy={state.kind === 'loading'}
        tabIndex={0}
        hidden={state.kind !== 'shown'}
        lang={props.lang}
        className={styles.region}
        data-testid="card-preview"
      />
    </>
  );
}
