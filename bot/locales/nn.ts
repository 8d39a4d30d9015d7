/** Norsk nynorsk. Glossary: eining, kunngjering, pulsmåling, digitalt arbeidsmiljø, verneombod. */
export default {
  welcome: {
    title: 'Hei, eg er Digipuls',
    intro: 'Eg hjelper kommunen å finne ut om informasjonen frå leiinga når fram til deg, og korleis du opplever det digitale arbeidsmiljøet ditt.',
    asksTitle: 'Dette spør eg om',
    asks: 'Korte pulsmålingar om det digitale arbeidsmiljøet (eit par minutt), tips om Teams og Viva Engage, og viktige kunngjeringar frå leiinga.',
    answersTitle: 'Dette skjer med svara dine',
    answers: 'Svara blir lagra utan namnet ditt. Resultat blir berre viste for grupper på minst {{minGroupSize}} personar, aldri for éin person, og leiaren din ser aldri kva du svarte.',
    stopTitle: 'Slik stoppar du tips',
    stop: 'Skriv «stopp» når som helst, så får du ikkje fleire tips. Skriv «språk» for å byte språk, og «hjelp» for å sjå denne meldinga igjen.',
    changeLanguage: 'Byt språk',
    privacy: 'Personvern',
  },
  language: {
    title: 'Vel språk',
    body: 'Kva språk vil du at Digipuls skal bruke med deg?',
    changed: 'No snakkar eg nynorsk med deg.',
  },
  privacy: {
    title: 'Kva skjer med svara mine?',
    body: 'Digipuls lagrar svara dine skilde frå kven som har svart, utan nøyaktig tidspunkt og utan noko som koplar dei til deg. Resultat blir berre viste for grupper på minst {{minGroupSize}} personar, og slik at ingen kan rekne seg fram til ei mindre gruppe. Fritekst blir berre vist når gruppa er stor nok. Viss ei kunngjering krev at du stadfestar at du har lese ho, får du vite det på førehand, og då blir stadfestinga registrert med namn. Bruksdata frå Teams og Viva Engage blir berre lagra som tal per eining. Du kan be om innsyn og sletting hos personvernombodet i kommunen.',
  },
  nudges: {
    stopped: 'Greitt, du får ikkje fleire tips frå meg. Pulsmålingar og viktige kunngjeringar får du framleis. Skriv «start» viss du vil ha tips igjen.',
    started: 'Så fint! Du får tips frå meg igjen, høgst eitt i veka. Skriv «stopp» for å slå dei av.',
  },
  unknown: 'Det forstod eg ikkje. Skriv «hjelp» for å sjå kva eg kan, eller «språk» for å byte språk.',
  error: {
    title: 'Det gjekk ikkje',
    invalidAction: 'Knappen du trykte på, sende noko eg ikkje kjenner att. Ingenting er lagra. Skriv «hjelp» for å byrje på nytt.',
  },
} as const;
