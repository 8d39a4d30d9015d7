import type { SurveyTemplate } from '../survey.js';

/**
 * The digital work-environment round, in the spirit of the Digi-ronden: IT stress and interruptions,
 * systems, training and help, being involved, and whether (and where) information from the leadership
 * reaches staff. Every Likert statement is worded so that agreeing means things work, so a unit's
 * figures read the same way for every question.
 */
export const digitalWorkEnvironment: SurveyTemplate = {
  id: 'digital-work-environment',
  description: {
    nb: 'En kort runde om det digitale arbeidsmiljøet, i samme ånd som Digi-ronden: IT-stress og avbrudd, systemene, opplæring og hjelp, medvirkning, og om informasjon fra ledelsen når fram – og hvor. Sendes én gang og er åpen i 14 dager.',
    nn: 'Ein kort runde om det digitale arbeidsmiljøet, i same ånd som Digi-ronden: IT-stress og avbrot, systema, opplæring og hjelp, medverknad, og om informasjon frå leiinga når fram – og kvar. Blir send éin gong og er open i 14 dagar.',
    sv: 'En kort runda om den digitala arbetsmiljön, i samma anda som Digi-ronden: it-stress och avbrott, systemen, utbildning och stöd, delaktighet, och om information från ledningen når fram – och var. Skickas en gång och är öppen i 14 dagar.',
    en: 'A short round on the digital work environment, in the spirit of the Digi-ronden: IT stress and interruptions, the systems, training and help, involvement, and whether information from the leadership reaches staff – and where. Sent once, open for 14 days.',
  },
  suggested: { recurrence: 'once', openDays: 14 },
  definition: {
    title: {
      nb: 'Digitalt arbeidsmiljø',
      nn: 'Digitalt arbeidsmiljø',
      sv: 'Digital arbetsmiljö',
      en: 'Digital work environment',
    },
    intro: {
      nb: 'Hvordan fungerer de digitale verktøyene i arbeidsdagen din? Noen korte spørsmål, om lag tre minutter. Svarene er anonyme, og resultatene vises bare for grupper, aldri for enkeltpersoner. Ikke skriv navn i fritekstsvaret.',
      nn: 'Korleis fungerer dei digitale verktøya i arbeidsdagen din? Nokre korte spørsmål, om lag tre minutt. Svara er anonyme, og resultata blir viste berre for grupper, aldri for enkeltpersonar. Ikkje skriv namn i fritekstsvaret.',
      sv: 'Hur fungerar de digitala verktygen i din arbetsdag? Några korta frågor, ungefär tre minuter. Svaren är anonyma och resultaten visas bara för grupper, aldrig för enskilda personer. Skriv inga namn i fritextsvaret.',
      en: 'How do the digital tools work in your working day? A few short questions, about three minutes. Your answers are anonymous, and results are shown only for groups, never for individuals. Please do not write names in the free-text answer.',
    },
    questions: [
      {
        id: 'it-stress',
        kind: 'likert',
        required: true,
        text: {
          nb: 'Jeg blir sjelden stresset av digitale verktøy i jobben.',
          nn: 'Eg blir sjeldan stressa av digitale verktøy i jobben.',
          sv: 'Jag blir sällan stressad av digitala verktyg i arbetet.',
          en: 'I rarely feel stressed by digital tools at work.',
        },
      },
      {
        id: 'interruptions',
        kind: 'likert',
        required: true,
        text: {
          nb: 'Jeg kan jobbe uten stadige avbrudd fra varsler og meldinger.',
          nn: 'Eg kan arbeide utan stadige avbrot frå varsel og meldingar.',
          sv: 'Jag kan arbeta utan ständiga avbrott från aviseringar och meddelanden.',
          en: 'I can work without constant interruptions from notifications and messages.',
        },
      },
      {
        id: 'systems',
        kind: 'likert',
        required: true,
        text: {
          nb: 'De digitale systemene jeg bruker, gjør arbeidet mitt enklere.',
          nn: 'Dei digitale systema eg bruker, gjer arbeidet mitt enklare.',
          sv: 'De digitala system jag använder gör mitt arbete enklare.',
          en: 'The digital systems I use make my work easier.',
        },
      },
      {
        id: 'training',
        kind: 'likert',
        required: true,
        text: {
          nb: 'Jeg har fått nok opplæring i de digitale verktøyene jeg bruker.',
          nn: 'Eg har fått nok opplæring i dei digitale verktøya eg bruker.',
          sv: 'Jag har fått tillräcklig utbildning i de digitala verktyg jag använder.',
          en: 'I have had enough training in the digital tools I use.',
        },
      },
      {
        id: 'support',
        kind: 'likert',
        required: true,
        text: {
          nb: 'Jeg får hjelp raskt nok når noe digitalt ikke fungerer.',
          nn: 'Eg får hjelp raskt nok når noko digitalt ikkje fungerer.',
          sv: 'Jag får hjälp tillräckligt snabbt när något digitalt inte fungerar.',
          en: 'I get help quickly enough when something digital does not work.',
        },
      },
      {
        id: 'involvement',
        kind: 'likert',
        required: true,
        text: {
          nb: 'Jeg blir involvert når nye digitale systemer skal tas i bruk på arbeidsplassen min.',
          nn: 'Eg blir involvert når nye digitale system skal takast i bruk på arbeidsplassen min.',
          sv: 'Jag får vara delaktig när nya digitala system ska införas på min arbetsplats.',
          en: 'I am involved when new digital systems are introduced at my workplace.',
        },
      },
      {
        id: 'information',
        kind: 'likert',
        required: true,
        text: {
          nb: 'Informasjon fra kommuneledelsen når fram til meg.',
          nn: 'Informasjon frå kommuneleiinga når fram til meg.',
          sv: 'Information från kommunledningen når fram till mig.',
          en: "Information from the municipality's leadership reaches me.",
        },
      },
      {
        id: 'information-channel',
        kind: 'multiple',
        required: true,
        text: {
          nb: 'Hvor får du informasjon fra kommuneledelsen? Velg alle som passer.',
          nn: 'Kvar får du informasjon frå kommuneleiinga? Vel alle som passar.',
          sv: 'Var får du information från kommunledningen? Välj alla som stämmer.',
          en: "Where do you get information from the municipality's leadership? Choose all that apply.",
        },
        options: [
          { id: 'teams', text: { nb: 'Teams (chat eller kanal)', nn: 'Teams (chat eller kanal)', sv: 'Teams (chatt eller kanal)', en: 'Teams (chat or channel)' } },
          { id: 'viva-engage', text: { nb: 'Viva Engage (tidligere Yammer)', nn: 'Viva Engage (tidlegare Yammer)', sv: 'Viva Engage (tidigare Yammer)', en: 'Viva Engage (formerly Yammer)' } },
          { id: 'email', text: { nb: 'E-post', nn: 'E-post', sv: 'Mejl', en: 'Email' } },
          { id: 'intranet', text: { nb: 'Intranettet', nn: 'Intranettet', sv: 'Intranätet', en: 'The intranet' } },
          { id: 'leader', text: { nb: 'Lederen min eller personalmøter', nn: 'Leiaren min eller personalmøte', sv: 'Min chef eller arbetsplatsträffar (APT)', en: 'My manager or staff meetings' } },
          { id: 'colleagues', text: { nb: 'Kolleger', nn: 'Kollegaer', sv: 'Kollegor', en: 'Colleagues' } },
          { id: 'paper', text: { nb: 'Oppslagstavle eller papir', nn: 'Oppslagstavle eller papir', sv: 'Anslagstavla eller papper', en: 'Notice board or paper' } },
          { id: 'none', text: { nb: 'Informasjonen når ikke fram til meg', nn: 'Informasjonen når ikkje fram til meg', sv: 'Informationen når inte fram till mig', en: 'The information does not reach me' } },
        ],
      },
      {
        id: 'one-thing',
        kind: 'text',
        required: false,
        maxLength: 500,
        text: {
          nb: 'Hva er det ene som ville gjort den digitale arbeidsdagen din bedre?',
          nn: 'Kva er det eine som ville gjort den digitale arbeidsdagen din betre?',
          sv: 'Vilken enskild sak skulle göra din digitala arbetsdag bättre?',
          en: 'What one thing would make your digital workday better?',
        },
      },
    ],
  },
};
