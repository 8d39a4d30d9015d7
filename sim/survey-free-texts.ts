import type { Locale } from '../core/locale.js';

/**
 * Short free-text answers as staff write them, by what the question asks and by whether the writer
 * works on Teams or mostly without it. No names: the templates ask for none, and the demo must not
 * show any. Frontline staff without a desk write about shared PCs, paper and shift reports; office
 * staff about too many channels, meetings and notifications.
 */
export type FreeTextTopic = 'improve' | 'week';
export type FreeTextVoice = 'offline' | 'online';

export const FREE_TEXTS: Record<FreeTextTopic, Record<FreeTextVoice, Record<Locale, readonly string[]>>> = {
  improve: {
    offline: {
      nb: [
        'Flere PC-er på vaktrommet. Nå står vi i kø for å logge inn.',
        'Informasjonen fra ledelsen bør også henges opp på papir, ikke bare ligge i Teams.',
        'Opplæring i arbeidstiden, ikke på kveldstid.',
        'At jeg kan lese beskjeder på telefonen uten å logge inn tre ganger.',
        'En superbruker på hver avdeling som vi kan spørre.',
        'Færre passord å huske.',
      ],
      nn: [
        'Fleire PC-ar på vaktrommet, no står vi i kø for å logge inn.',
        'Informasjon frå leiinga bør òg hengast opp på papir.',
        'Opplæring i arbeidstida, ikkje på kveldstid.',
      ],
      sv: [
        'Fler datorer i personalrummet, vi får stå i kö för att logga in.',
        'Information från ledningen borde också sättas upp på anslagstavlan.',
        'Utbildning på arbetstid, inte på kvällen.',
      ],
      en: [
        'More shared PCs in the staff room; we queue to log in.',
        'Put the news from management on the notice board as well.',
        'Training during working hours, not in the evening.',
      ],
    },
    online: {
      nb: [
        'Færre kanaler. Det er vanskelig å vite om noe står i Teams, på e-post eller på intranettet.',
        'Møtefrie formiddager.',
        'Bedre søk, så jeg finner dokumentene igjen.',
        'At fagsystemet og Teams snakker sammen, så jeg slipper å skrive det samme to ganger.',
        'Mindre varsler. Jeg skrur dem av for å få jobbet.',
        'Raskere svar fra IT-brukerstøtte.',
      ],
      nn: [
        'Færre kanalar. Det er vanskeleg å vite om noko står i Teams eller på e-post.',
        'Møtefrie formiddagar.',
        'Betre søk, så eg finn att dokumenta.',
      ],
      sv: [
        'Färre kanaler, det är svårt att veta om något finns i Teams eller i mejlen.',
        'Mötesfria förmiddagar.',
        'Snabbare svar från it-supporten.',
      ],
      en: [
        'Fewer channels: I never know whether something is in Teams, email or the intranet.',
        'Meeting-free mornings.',
        'Faster answers from the IT help desk.',
      ],
    },
  },
  week: {
    offline: {
      nb: [
        'Fikk ikke med meg endringen i turnusen før noen sa det på vakt.',
        'PC-en på vaktrommet var nede i to dager.',
        'Travel uke med mange syke kolleger.',
        'Vanskelig å finne tid til e-læringskurset.',
      ],
      nn: ['Fekk ikkje med meg endringa i turnusen før nokon sa det på vakt.', 'Travel veke med mange sjuke kollegaer.'],
      sv: ['Missade ändringen i schemat tills någon sa det på passet.', 'Stressig vecka med många sjuka kollegor.'],
      en: ['Missed the rota change until a colleague told me on shift.', 'Busy week with many colleagues off sick.'],
    },
    online: {
      nb: [
        'Bra at ukeskrivet kom tidlig i uka.',
        'For mange møter denne uka.',
        'Teams var tregt på mandag.',
        'Fint med felles kanal for vaktbytter.',
      ],
      nn: ['Bra at vekeskrivet kom tidleg i veka.', 'For mange møte denne veka.'],
      sv: ['Bra att veckobrevet kom tidigt i veckan.', 'För många möten den här veckan.'],
      en: ['Good that the weekly letter came early in the week.', 'Too many meetings this week.'],
    },
  },
};
