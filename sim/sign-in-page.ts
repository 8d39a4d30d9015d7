import i18next from 'i18next';
import { localeFromTag, type Locale } from '../core/locale.js';
import type { Role } from '../core/roles.js';
import type { SimPerson } from './municipality.js';

const resources = {
  nb: {
    translation: {
      title: 'Logg inn i {{municipality}}',
      intro: 'Dette er testleietakerens påloggingsside. Velg hvem du vil logge inn som.',
      signInAs: 'Logg inn som {{name}}',
      noRole: 'Ansatt',
      roles: { Communicator: 'Kommunikasjonsrådgiver', UnitLead: 'Enhetsleder', AdoptionAdmin: 'Adopsjonsadministrator', SafetyRep: 'Verneombud' },
      simulated: 'Simulert Entra ID – ingen ekte kontoer.',
      error: 'Påloggingen kan ikke fullføres: {{reason}}',
    },
  },
  nn: {
    translation: {
      title: 'Logg inn i {{municipality}}',
      intro: 'Dette er innloggingssida til testleigetakaren. Vel kven du vil logge inn som.',
      signInAs: 'Logg inn som {{name}}',
      noRole: 'Tilsett',
      roles: { Communicator: 'Kommunikasjonsrådgjevar', UnitLead: 'Einingsleiar', AdoptionAdmin: 'Adopsjonsadministrator', SafetyRep: 'Verneombod' },
      simulated: 'Simulert Entra ID – ingen ekte kontoar.',
      error: 'Innlogginga kan ikkje fullførast: {{reason}}',
    },
  },
  sv: {
    translation: {
      title: 'Logga in i {{municipality}}',
      intro: 'Det här är testklientens inloggningssida. Välj vem du vill logga in som.',
      signInAs: 'Logga in som {{name}}',
      noRole: 'Medarbetare',
      roles: { Communicator: 'Kommunikatör', UnitLead: 'Enhetschef', AdoptionAdmin: 'Adoptionsadministratör', SafetyRep: 'Skyddsombud' },
      simulated: 'Simulerat Entra ID – inga riktiga konton.',
      error: 'Inloggningen kan inte slutföras: {{reason}}',
    },
  },
  en: {
    translation: {
      title: 'Sign in to {{municipality}}',
      intro: "This is the test tenant's sign-in page. Choose who to sign in as.",
      signInAs: 'Sign in as {{name}}',
      noRole: 'Staff',
      roles: { Communicator: 'Communicator', UnitLead: 'Unit lead', AdoptionAdmin: 'Adoption admin', SafetyRep: 'Safety representative' },
      simulated: 'Simulated Entra ID – no real accounts.',
      error: 'Sign-in cannot be completed: {{reason}}',
    },
  },
};

const i18n = i18next.createInstance();
await i18n.init({ resources, fallbackLng: 'nb', interpolation: { escapeValue: true }, initAsync: false });

/** The language of the page, from the `ui_locales` parameter (space-separated tags), Bokmål by default. */
export function pageLocale(uiLocales: string | null): Locale {
  for (const tag of (uiLocales ?? '').split(/\s+/)) {
    const locale = localeFromTag(tag);
    if (locale) return locale;
  }
  return 'nb';
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
  body { font-family: "Segoe UI", system-ui, sans-serif; background: #f5f5f5; color: #242424; margin: 0; }
  main { max-width: 32rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
  h1 { font-size: 1.5rem; margin-top: 0; }
  ul { list-style: none; padding: 0; }
  li { margin: .5rem 0; }
  button { width: 100%; text-align: left; padding: .75rem 1rem; border: 1px solid #8a8a8a; border-radius: 4px; background: #fff; color: #242424; font: inherit; cursor: pointer; }
  button:hover, button:focus-visible { border-color: #4f52b2; background: #f0f0ff; outline: 3px solid #4f52b2; outline-offset: 1px; }
  .who { font-weight: 600; display: block; }
  .what { color: #424242; font-size: .9rem; }
  footer { color: #424242; font-size: .85rem; margin-top: 1rem; }
  @media (max-width: 600px) { main { margin: 0; border-radius: 0; padding: 1rem; } }
`;

/** The page where one picks a demo person; each choice posts the authorisation request back. */
export function signInPage(options: {
  locale: Locale;
  municipality: string;
  people: SimPerson[];
  hiddenFields: Record<string, string>;
}): string {
  const t = i18n.getFixedT(options.locale);
  const hidden = Object.entries(options.hiddenFields)
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join('');
  const roleName = (roles: Role[]) => (roles.length ? roles.map((r) => t(`roles.${r}`)).join(', ') : t('noRole'));
  const items = options.people
    .map(
      (p) => `<li><form method="post">${hidden}<input type="hidden" name="person" value="${escape(p.id)}">
        <button type="submit" aria-label="${escape(t('signInAs', { name: p.displayName, interpolation: { escapeValue: false } }))}">
          <span class="who">${escape(p.displayName)}</span>
          <span class="what">${escape(roleName(p.appRoles))} · ${escape(p.department ?? '')}</span>
        </button></form></li>`,
    )
    .join('');
  return `<!doctype html><html lang="${options.locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t('title', { municipality: options.municipality, interpolation: { escapeValue: false } }))}</title><style>${STYLE}</style></head>
<body><main><h1>${escape(t('title', { municipality: options.municipality, interpolation: { escapeValue: false } }))}</h1>
<p>${escape(t('intro'))}</p><ul>${items}</ul></main>
<footer role="contentinfo" style="text-align:center">${escape(t('simulated'))}</footer></body></html>`;
}

/** A page for a request that cannot be sent back to the client (bad client id or redirect URI). */
export function errorPage(locale: Locale, reason: string): string {
  const t = i18n.getFixedT(locale);
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>Error</title><style>${STYLE}</style></head>
<body><main><h1>${escape(t('error', { reason, interpolation: { escapeValue: false } }))}</h1></main></body></html>`;
}
