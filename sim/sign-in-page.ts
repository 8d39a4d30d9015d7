import i18next from 'i18next';
import { localeFromTag, type Locale } from '../core/locale.js';
import type { Role } from '../core/roles.js';
import type { SimPerson } from './municipality.js';
import { SIGN_IN_TEXTS } from './sign-in-texts.js';

const i18n = i18next.createInstance();
await i18n.init({ resources: SIGN_IN_TEXTS, fallbackLng: 'nb', interpolation: { escapeValue: false }, initAsync: false });

/** The language of the page, from the `ui_locales` parameter (space-separated tags), Bokmål by default. */
export function pageLocale(uiLocales: string | null): Locale {
  for (const tag of (uiLocales ?? '').split(/\s+/)) {
    const locale = localeFromTag(tag);
    if (locale) return locale;
  }
  return 'nb';
}

/** Every text goes through here: i18next leaves escaping to us, so nothing is escaped twice. */
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Colours meet WCAG AA contrast on white (#242424 ≈ 15:1, #424242 ≈ 10:1, #4f52b2 ≈ 6:1).
const STYLE = `
  body { font-family: "Segoe UI", system-ui, sans-serif; background: #f5f5f5; color: #242424; margin: 0; }
  main { max-width: 32rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
  h1 { font-size: 1.5rem; margin-top: 0; }
  h2 { font-size: 1.1rem; margin-bottom: .25rem; }
  ul { list-style: none; padding: 0; margin: 0; }
  li { margin: .5rem 0; }
  form { margin: 0; }
  button { width: 100%; text-align: left; padding: .75rem 1rem; border: 1px solid #8a8a8a; border-radius: 4px; background: #fff; color: #242424; font: inherit; cursor: pointer; }
  button:hover, button:focus-visible { border-color: #4f52b2; background: #f0f0ff; outline: 3px solid #4f52b2; outline-offset: 1px; }
  .who { font-weight: 600; display: block; }
  .what { color: #424242; font-size: .9rem; display: block; }
  code { overflow-wrap: anywhere; }
  footer { color: #424242; font-size: .85rem; margin: 1rem; text-align: center; }
  @media (max-width: 600px) { main { margin: 0; border-radius: 0; padding: 1rem; } }
`;

function page(locale: Locale, title: string, body: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head>
<body>${body}<footer>${escape(i18n.getFixedT(locale)('simulated'))}</footer></body></html>`;
}

/**
 * The page where one picks a demo person. Each choice is a button in its own form that posts the
 * authorisation request back with `person`; its accessible name is "Sign in as {name}, {role} · {unit}".
 */
export function signInPage(options: { locale: Locale; municipality: string; people: SimPerson[]; hiddenFields: Record<string, string> }): string {
  const t = i18n.getFixedT(options.locale);
  const hidden = Object.entries(options.hiddenFields)
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join('');
  const roleName = (roles: Role[]) => (roles.length ? roles.map((r) => t(`roles.${r}`)).join(', ') : t('noRole'));
  const items = options.people
    .map((p) => {
      const what = `${roleName(p.appRoles)} · ${p.department ?? ''}`;
      // The name a screen reader says holds everything shown: "Sign in as {name}, {role} · {unit}".
      const label = `${t('signInAs', { name: p.displayName })}, ${what}`;
      return `<li><form method="post">${hidden}<input type="hidden" name="person" value="${escape(p.id)}">
        <button type="submit" aria-label="${escape(label)}"><span class="who">${escape(p.displayName)}</span>
          <span class="what">${escape(what)}</span></button></form></li>`;
    })
    .join('');
  const title = t('title', { municipality: options.municipality });
  return page(
    options.locale,
    title,
    `<main><h1>${escape(title)}</h1><p>${escape(t('intro'))}</p>
<h2 id="people">${escape(t('peopleLabel'))}</h2><ul aria-labelledby="people">${items}</ul></main>`,
  );
}

/** A page for a request that cannot be sent back to the client (unknown tenant, client or redirect URI). */
export function errorPage(locale: Locale, reason: string): string {
  const t = i18n.getFixedT(locale);
  return page(locale, t('errorTitle'), `<main><h1>${escape(t('errorTitle'))}</h1><p>${escape(t('errorHelp'))}</p><p><code>${escape(reason)}</code></p></main>`);
}
