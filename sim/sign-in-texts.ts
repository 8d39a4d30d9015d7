/** The words of the simulator's sign-in page, in the four languages Digipuls speaks. */
export const SIGN_IN_TEXTS = {
  nb: {
    translation: {
      title: 'Logg inn i {{municipality}}',
      intro: 'Dette er testleietakerens påloggingsside. Velg hvem du vil logge inn som.',
      peopleLabel: 'Testpersoner',
      signInAs: 'Logg inn som {{name}}',
      noRole: 'Ansatt',
      roles: { Staff: 'Ansatt', Communicator: 'Kommunikasjonsrådgiver', UnitLead: 'Enhetsleder', AdoptionAdmin: 'Adopsjonsadministrator', SafetyRep: 'Verneombud' },
      simulated: 'Simulert Entra ID – ingen ekte kontoer.',
      errorTitle: 'Påloggingen kan ikke fullføres',
      errorHelp: 'Gå tilbake til appen og prøv igjen. Teknisk melding:',
    },
  },
  nn: {
    translation: {
      title: 'Logg inn i {{municipality}}',
      intro: 'Dette er innloggingssida til testleigetakaren. Vel kven du vil logge inn som.',
      peopleLabel: 'Testpersonar',
      signInAs: 'Logg inn som {{name}}',
      noRole: 'Tilsett',
      roles: { Staff: 'Tilsett', Communicator: 'Kommunikasjonsrådgjevar', UnitLead: 'Einingsleiar', AdoptionAdmin: 'Adopsjonsadministrator', SafetyRep: 'Verneombod' },
      simulated: 'Simulert Entra ID – ingen ekte kontoar.',
      errorTitle: 'Innlogginga kan ikkje fullførast',
      errorHelp: 'Gå tilbake til appen og prøv igjen. Teknisk melding:',
    },
  },
  sv: {
    translation: {
      title: 'Logga in i {{municipality}}',
      intro: 'Det här är testklientens inloggningssida. Välj vem du vill logga in som.',
      peopleLabel: 'Testpersoner',
      signInAs: 'Logga in som {{name}}',
      noRole: 'Medarbetare',
      roles: { Staff: 'Medarbetare', Communicator: 'Kommunikatör', UnitLead: 'Enhetschef', AdoptionAdmin: 'Adoptionsadministratör', SafetyRep: 'Skyddsombud' },
      simulated: 'Simulerat Entra ID – inga riktiga konton.',
      errorTitle: 'Inloggningen kan inte slutföras',
      errorHelp: 'Gå tillbaka till appen och försök igen. Tekniskt meddelande:',
    },
  },
  en: {
    translation: {
      title: 'Sign in to {{municipality}}',
      intro: "This is the test tenant's sign-in page. Choose who to sign in as.",
      peopleLabel: 'Test people',
      signInAs: 'Sign in as {{name}}',
      noRole: 'Staff',
      roles: { Staff: 'Staff', Communicator: 'Communicator', UnitLead: 'Unit lead', AdoptionAdmin: 'Adoption admin', SafetyRep: 'Safety representative' },
      simulated: 'Simulated Entra ID – no real accounts.',
      errorTitle: 'Sign-in cannot be completed',
      errorHelp: 'Go back to the app and try again. Technical message:',
    },
  },
} as const;
