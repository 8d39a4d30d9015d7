import type { SurveyTemplate } from '../survey.js';

/**
 * A pulse short enough to answer between two tasks every week: workload, whether the digital tools
 * helped, whether the information needed arrived, and an optional comment. Agreeing means the week
 * went well, as in the other templates.
 */
export const weeklyPulse: SurveyTemplate = {
  id: 'weekly-pulse',
  description: {
    nb: 'Tre raske spørsmål hver uke om arbeidsmengde, digitale verktøy og informasjon, og et valgfritt fritekstfelt. Viser utviklingen uke for uke. Sendes ukentlig og er åpen i 3 dager.',
    nn: 'Tre raske spørsmål kvar veke om arbeidsmengd, digitale verktøy og informasjon, og eit valfritt fritekstfelt. Viser utviklinga veke for veke. Blir send kvar veke og er open i 3 dagar.',
    sv: 'Tre snabba frågor varje vecka om arbetsbelastning, digitala verktyg och information, och ett frivilligt fritextfält. Visar utvecklingen vecka för vecka. Skickas varje vecka och är öppen i 3 dagar.',
    en: 'Three quick questions every week on workload, digital tools and information, and an optional comment. Shows the trend week by week. Sent weekly, open for 3 days.',
  },
  suggested: { recurrence: 'weekly', openDays: 3 },
  definition: {
    title: {
      nb: 'Ukepuls',
      nn: 'Vekepuls',
      sv: 'Veckopuls',
      en: 'Weekly pulse',
    },
    intro: {
      nb: 'Noen raske spørsmål om uken din – under ett minutt. Svarene er anonyme, og resultatene vises bare for grupper. Ikke skriv navn i fritekstsvaret.',
      nn: 'Nokre raske spørsmål om veka di – under eitt minutt. Svara er anonyme, og resultata blir viste berre for grupper. Ikkje skriv namn i fritekstsvaret.',
      sv: 'Några snabba frågor om din vecka – under en minut. Svaren är anonyma och resultaten visas bara för grupper. Skriv inga namn i fritextsvaret.',
      en: 'A few quick questions about your week – under a minute. Your answers are anonymous, and results are shown only for groups. Please do not write names in the free-text answer.',
    },
    questions: [
      {
        id: 'workload',
        kind: 'likert',
        required: true,
        text: {
          nb: 'Jeg har hatt en håndterbar arbeidsmengde denne uken.',
          nn: 'Eg har hatt ei handterleg arbeidsmengd denne veka.',
          sv: 'Jag har haft en rimlig arbetsbelastning den här veckan.',
          en: 'My workload this week has been manageable.',
        },
      },
      {
        id: 'tools',
        kind: 'likert',
        required: true,
        text: {
          nb: 'De digitale verktøyene hjalp meg i arbeidet denne uken.',
          nn: 'Dei digitale verktøya hjelpte meg i arbeidet denne veka.',
          sv: 'De digitala verktygen hjälpte mig i arbetet den här veckan.',
          en: 'The digital tools helped me in my work this week.',
        },
      },
      {
        id: 'information',
        kind: 'likert',
        required: true,
        text: {
          nb: 'Jeg fikk den informasjonen jeg trengte denne uken.',
          nn: 'Eg fekk den informasjonen eg trong denne veka.',
          sv: 'Jag fick den information jag behövde den här veckan.',
          en: 'I got the information I needed this week.',
        },
      },
      {
        id: 'comment',
        kind: 'text',
        required: false,
        maxLength: 500,
        text: {
          nb: 'Er det noe du vil si fra om denne uken?',
          nn: 'Er det noko du vil seie frå om denne veka?',
          sv: 'Är det något du vill ta upp den här veckan?',
          en: 'Is there anything you would like to raise this week?',
        },
      },
    ],
  },
};
