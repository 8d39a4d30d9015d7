import { makeStaticStyles } from '@fluentui/react-components';

/**
 * On paper: no header, menu or buttons, black on white, tables at full width instead of scrolling, and
 * no question or follow-up split across two pages.
 */
export const usePrintStyles = makeStaticStyles(`
@media print {
  header, nav, [data-print="hide"], .fui-Button { display: none !important; }
  html, body, [data-theme], main { background: #fff !important; color: #000 !important; }
  main { padding: 0 !important; max-width: none !important; }
  [role="region"] { overflow: visible !important; }
  section, li, tr { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
  a { color: #000 !important; text-decoration: none !important; }
}
`);
