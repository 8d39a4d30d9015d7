import type nb from './nb';

/** The unit lead's weekly digest settings in nynorsk. */
export default {
  heading: 'Vekesamandrag i chatten',
  explain: 'Kvar veke sender Digipuls deg eit kort samandrag i chatten: Teams-bruken i einingane dine mot heile kommunen, kor mange som har lese dei siste kunngjeringane, svarprosenten på pulsmålingar – og eitt forslag til kva du kan gjere.',
  enabled: 'Send meg vekesamandraget',
  stateOn: 'Du får samandraget kvar {{day}} kl. {{time}}.',
  stateOff: 'Samandraget er slått av. Du kan òg skrive «samandrag på» i chatten med Digipuls.',
  weekday: 'Dag',
  weekdayHint: 'Ein arbeidsdag.',
  time: 'Klokkeslett',
  timeHint: 'Mellom {{earliest}} og {{latest}}.',
  weekdays: { '1': 'måndag', '2': 'tysdag', '3': 'onsdag', '4': 'torsdag', '5': 'fredag' },
  save: 'Lagre',
  saving: 'Lagrar …',
  saved: 'Lagra.',
  loading: 'Hentar innstillingane …',
  failed: 'Innstillingane for vekesamandraget kunne ikkje hentast.',
  notSaved: 'Ikkje lagra',
  fixFields: 'Rett feltet som er merkt.',
  errors: {
    weekday: 'Vel ein dag frå måndag til fredag.',
    time: 'Vel eit klokkeslett mellom {{earliest}} og {{latest}}.',
  },
} satisfies typeof nb;
