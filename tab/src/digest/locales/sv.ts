import type nb from './nb';

/** The unit lead's weekly digest settings in Swedish. */
export default {
  heading: 'Veckosammanfattning i chatten',
  explain: 'Varje vecka skickar Digipuls dig en kort sammanfattning i chatten: Teams-användningen i dina enheter jämfört med hela kommunen, hur många som har läst de senaste meddelandena, svarsfrekvensen på pulsmätningar – och ett förslag på vad du kan göra.',
  enabled: 'Skicka veckosammanfattningen till mig',
  stateOn: 'Du får sammanfattningen varje {{day}} kl. {{time}}.',
  stateOff: 'Sammanfattningen är avstängd. Du kan också skriva ”sammanfattning på” i chatten med Digipuls.',
  weekday: 'Dag',
  weekdayHint: 'En arbetsdag.',
  time: 'Klockslag',
  timeHint: 'Mellan {{earliest}} och {{latest}}.',
  weekdays: { '1': 'måndag', '2': 'tisdag', '3': 'onsdag', '4': 'torsdag', '5': 'fredag' },
  save: 'Spara',
  saving: 'Sparar …',
  saved: 'Sparat.',
  loading: 'Hämtar inställningarna …',
  failed: 'Inställningarna för veckosammanfattningen kunde inte hämtas.',
  notSaved: 'Inte sparat',
  fixFields: 'Rätta fältet som är markerat.',
  errors: {
    weekday: 'Välj en dag från måndag till fredag.',
    time: 'Välj ett klockslag mellan {{earliest}} och {{latest}}.',
  },
} satisfies typeof nb;
