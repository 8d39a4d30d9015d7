/** Norsk bokmål. Glossary: enhet, kunngjøring, pulsmåling, digitalt arbeidsmiljø, verneombud. */
export default {
  welcome: {
    title: 'Hei, jeg er Digipuls',
    intro: 'Jeg hjelper kommunen å finne ut om informasjonen fra ledelsen når fram til deg, og hvordan du opplever det digitale arbeidsmiljøet ditt.',
    asksTitle: 'Dette spør jeg om',
    asks: 'Korte pulsmålinger om det digitale arbeidsmiljøet (et par minutter), tips om Teams og Viva Engage, og viktige kunngjøringer fra ledelsen.',
    answersTitle: 'Dette skjer med svarene dine',
    answers: 'Svarene lagres uten navnet ditt. Resultater vises bare for grupper på minst {{minGroupSize}} personer, aldri for én person, og lederen din ser aldri hva du svarte.',
    stopTitle: 'Slik stopper du tips',
    stop: 'Skriv «stopp» når som helst, så får du ingen flere tips. Skriv «språk» for å bytte språk, og «hjelp» for å se denne meldingen igjen.',
    changeLanguage: 'Bytt språk',
    privacy: 'Personvern',
  },
  language: {
    title: 'Velg språk',
    body: 'Hvilket språk vil du at Digipuls skal bruke med deg?',
    changed: 'Nå snakker jeg norsk (bokmål) med deg.',
  },
  privacy: {
    title: 'Hva skjer med svarene mine?',
    body: 'Digipuls lagrer svarene dine atskilt fra hvem som har svart, uten nøyaktig tidspunkt og uten noe som kobler dem til deg. Resultater vises bare for grupper på minst {{minGroupSize}} personer, og slik at ingen kan regne seg fram til en mindre gruppe. Fritekst vises bare når gruppen er stor nok. Hvis en kunngjøring krever at du bekrefter lest, får du vite det på forhånd, og da registreres bekreftelsen med navn. Bruksdata fra Teams og Viva Engage lagres bare som tall per enhet. Du kan be om innsyn og sletting hos kommunens personvernombud.',
  },
  nudges: {
    stopped: 'Greit, du får ingen flere tips fra meg. Pulsmålinger og viktige kunngjøringer får du fortsatt. Skriv «start» hvis du vil ha tips igjen.',
    started: 'Så fint! Du får tips fra meg igjen, høyst ett i uka. Skriv «stopp» for å slå dem av.',
  },
  unknown: 'Det forsto jeg ikke. Skriv «hjelp» for å se hva jeg kan, eller «språk» for å bytte språk.',
  error: {
    title: 'Det gikk ikke',
    invalidAction: 'Knappen du trykket på, sendte noe jeg ikke kjenner igjen. Ingenting er lagret. Skriv «hjelp» for å begynne på nytt.',
  },
} as const;
