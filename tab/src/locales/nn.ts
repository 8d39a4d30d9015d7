import type nb from './nb';

/** Norsk nynorsk. */
export default {
  appName: 'Digipuls',
  tagline: 'Når informasjonen fram? Korleis har vi det digitalt?',
  loading: 'Lastar …',
  skipToContent: 'Hopp til innhaldet',
  signIn: {
    body: 'Logg inn med kommunekontoen din for å sjå kva Digipuls viser deg.',
    button: 'Logg inn',
    expired: 'Økta di har gått ut. Logg inn på nytt.',
    failed: 'Innlogginga mislukkast. Prøv igjen.',
    state: 'Innlogginga kunne ikkje stadfestast (ho vart kanskje starta i ei anna fane). Prøv igjen.',
    teamsFailed: 'Teams kunne ikkje logge deg inn i Digipuls. Prøv igjen, eller spør IT-avdelinga om appen er godkjend i kommunen.',
    retry: 'Prøv igjen',
    detail: 'Teknisk detalj: {{detail}}',
  },
  signOut: 'Logg ut',
  language: 'Språk',
  nav: { label: 'Hovudmeny', home: 'Oversikt', reach: 'Nådd', adoption: 'Adopsjon', surveys: 'Pulsmålingar', nudges: 'Påminningar', settings: 'Innstillingar', privacy: 'Personvern', terms: 'Vilkår for bruk' },
  home: {
    heading: 'Hei, {{name}}',
    you: 'Deg',
    roles: 'Rollene dine',
    units: 'Einingane dine',
    noUnit: 'Du er ikkje knytt til ei eining enno. Katalogen blir oppdatert frå Entra ID kvar natt.',
    next: 'Dette kan du gjere her',
    staff: 'Digipuls møter deg mest i chatten: korte pulsmålingar om det digitale arbeidsmiljøet, og tips om Teams og Viva Engage.',
  },
  roles: { Staff: 'Tilsett', Communicator: 'Kommunikasjonsrådgjevar', UnitLead: 'Einingsleiar', AdoptionAdmin: 'Adopsjonsadministrator', SafetyRep: 'Verneombod' },
  coming: {
    soon: 'Kjem snart',
    reach: 'Send kunngjeringar til einingar og sjå kor mange som har fått, lese og stadfesta dei – og kvar informasjonen ikkje når fram.',
    adoption: 'Sjå kva einingar som har teke i bruk Teams og Viva Engage, per kanal og over tid.',
    surveys: 'Korte pulsmålingar om det digitale arbeidsmiljøet, med resultat per eining som aldri avslører enkeltpersonar, og «de sa, vi gjorde».',
    nudges: 'Tips til tilsette som ikkje har kome i gang, og varsel til einingsleiarar – i eit tempo som ikkje blir mas.',
    settings: 'Minste gruppestorleik, einingskopling, datakjelder og lagringstid.',
  },
  privacy: {
    heading: 'Personvern: kva skjer med svara?',
    intro: 'Digipuls er laga for å vise korleis det går med einingar og grupper – aldri for å følgje med på enkeltpersonar.',
    points: [
      'Svara dine på pulsmålingar blir lagra utan namn, skilde frå opplysninga om kven som vart spurd og har svart, utan nøyaktig tidspunkt og utan noko som koplar dei saman. Ingen kan sjå kven som svarte kva.',
      'Resultat blir berre viste for grupper der minst {{minGroupSize}} har svart, og slik at ei skjult eining ikkje kan reknast ut ved å trekkje frå. Fritekstsvar blir berre viste over den same grensa.',
      'Leiarar, kommunikasjonsrådgjevarar og verneombod ser resultat per eining – aldri enkeltsvar.',
      'Bruksdata frå Teams og Viva Engage blir talde per eining. Digipuls lagrar ingen historikk om kva den enkelte gjer.',
      'Berre når ei kunngjering ber deg stadfeste at du har lese ho, blir stadfestinga registrert med namn – og det får du vite på førehand.',
      'Kvar type data har ei lagringstid og blir sletta når ho er ute. Kommunen din er behandlingsansvarleg; du kan be om innsyn i det som er lagra om deg.',
    ],
  },
  terms: {
    heading: 'Vilkår for bruk',
    points: [
      'Kommunen din brukar Digipuls for å sjå om informasjon når fram, korleis Teams og Viva Engage blir tekne i bruk, og korleis de har det digitalt.',
      'Det er frivillig å svare på pulsmålingar. Skriv «stopp» i chatten med Digipuls om du ikkje vil ha fleire tips.',
      'Kommunen din er behandlingsansvarleg for opplysningane og avgjer kven som har kva rolle i Digipuls.',
      'Spørsmål om Digipuls kan du stille til IT- eller digitaliseringsavdelinga i kommunen din.',
    ],
  },
  teamTab: {
    heading: 'Legg Digipuls til i kanalen',
    body: 'Fana viser Digipuls for den som opnar ho: kunngjeringar, bruk av Teams og pulsmålingar etter rollene personen har. Vel Lagre for å leggje til fana.',
  },
  back: 'Tilbake',
  error: { title: 'Noko gjekk gale', retry: 'Prøv igjen' },
} satisfies typeof nb;
