import type nb from './nb';

/** The unit lead's weekly digest settings in English. */
export default {
  heading: 'Weekly digest in chat',
  explain: 'Every week Digipuls sends you a short digest in chat: Teams use in your units against the whole municipality, how many have read the latest announcements, pulse survey response rates – and one suggestion for what to do.',
  enabled: 'Send me the weekly digest',
  stateOn: 'You get the digest every {{day}} at {{time}}.',
  stateOff: 'The digest is turned off. You can also write "digest on" in your chat with Digipuls.',
  weekday: 'Day',
  weekdayHint: 'A working day.',
  time: 'Time',
  timeHint: 'Between {{earliest}} and {{latest}}.',
  weekdays: { '1': 'Monday', '2': 'Tuesday', '3': 'Wednesday', '4': 'Thursday', '5': 'Friday' },
  save: 'Save',
  saving: 'Saving …',
  saved: 'Saved.',
  loading: 'Loading the settings …',
  failed: 'The weekly digest settings could not be loaded.',
  notSaved: 'Not saved',
  fixFields: 'Correct the marked field.',
  errors: {
    weekday: 'Choose a day from Monday to Friday.',
    time: 'Choose a time between {{earliest}} and {{latest}}.',
  },
} satisfies typeof nb;
