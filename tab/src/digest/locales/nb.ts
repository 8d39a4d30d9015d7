/** The unit lead's weekly digest settings in bokmål. */
export default {
  heading: 'Ukesammendrag i chatten',
  explain: 'Hver uke sender Digipuls deg et kort sammendrag i chatten: Teams-bruken i enhetene dine mot hele kommunen, hvor mange som har lest de siste kunngjøringene, svarprosenten på pulsmålinger – og ett forslag til hva du kan gjøre.',
  enabled: 'Send meg ukesammendraget',
  stateOn: 'Du får sammendraget hver {{day}} kl. {{time}}.',
  stateOff: 'Sammendraget er slått av. Du kan også skrive «sammendrag på» i chatten med Digipuls.',
  weekday: 'Dag',
  weekdayHint: 'En arbeidsdag.',
  time: 'Klokkeslett',
  timeHint: 'Mellom {{earliest}} og {{latest}}.',
  weekdays: { '1': 'mandag', '2': 'tirsdag', '3': 'onsdag', '4': 'torsdag', '5': 'fredag' },
  save: 'Lagre',
  saving: 'Lagrer …',
  saved: 'Lagret.',
  loading: 'Henter innstillingene …',
  failed: 'Innstillingene for ukesammendraget kunne ikke hentes.',
  notSaved: 'Ikke lagret',
  fixFields: 'Rett feltet som er merket.',
  errors: {
    weekday: 'Velg en dag fra mandag til fredag.',
    time: 'Velg et klokkeslett mellom {{earliest}} og {{latest}}.',
  },
};
