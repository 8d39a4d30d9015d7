/** English. */
export default {
  welcome: {
    title: "Hi, I'm Digipuls",
    intro: 'I help the municipality find out whether information from management reaches you, and how you experience your digital work environment.',
    asksTitle: 'What I ask',
    asks: 'Short pulse surveys about the digital work environment (a couple of minutes), tips for Teams and Viva Engage, and important announcements from management.',
    answersTitle: 'What happens with your answers',
    answers: 'Answers are stored without your name. Results are only shown for groups of at least {{minGroupSize}} people, never for one person, and your manager never sees what you answered.',
    stopTitle: 'How to stop tips',
    stop: 'Write "stop" at any time and you will get no more tips. Write "language" to change language, and "help" to see this message again.',
    changeLanguage: 'Change language',
    privacy: 'Privacy',
  },
  language: {
    title: 'Choose your language',
    body: 'Which language would you like Digipuls to use with you?',
    changed: 'I will speak English with you from now on.',
  },
  privacy: {
    title: 'What happens with my answers?',
    body: 'Digipuls stores your answers apart from who answered, without the exact time and with nothing that links them to you. Results are only shown for groups of at least {{minGroupSize}} people, and in a way that nobody can work out a smaller group. Free text is only shown when the group is large enough. If an announcement requires you to acknowledge it, you are told up front, and then your acknowledgement is recorded by name. Usage data from Teams and Viva Engage is only kept as figures per unit. You can ask the data protection officer of the municipality for access and deletion.',
  },
  nudges: {
    stopped: 'OK, you will get no more tips from me. You will still get pulse surveys and important announcements. Write "start" if you want tips again.',
    started: 'Great! You will get tips from me again, at most one a week. Write "stop" to turn them off.',
  },
  unknown: 'I did not understand that. Write "help" to see what I can do, or "language" to change language.',
  error: {
    title: 'That did not work',
    invalidAction: 'The button you pressed sent something I do not recognise. Nothing was stored. Write "help" to start again.',
  },
} as const;
