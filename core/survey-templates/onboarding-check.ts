import type { SurveyTemplate } from '../survey.js';

/**
 * A check a week or two after a new system goes live: training in time, knowing where help is, whether
 * the system fits the work, and how people actually learned it (which tells the next roll-out where to
 * put its effort). The admin names the system in the title or introduction before sending.
 */
export const onboardingCheck: SurveyTemplate = {
  id: 'onboarding-check',
  description: {
    nb: 'Etter at et nytt system er tatt i bruk: kom opplæringen i tide, vet de ansatte hvor de får hjelp, fungerer systemet for oppgavene, og hvordan lærte de det? Skriv gjerne navnet på systemet i tittelen før utsending. Sendes én gang og er åpen i 7 dager.',
    nn: 'Etter at eit nytt system er teke i bruk: kom opplæringa i tide, veit dei tilsette kvar dei får hjelp, fungerer systemet for oppgåvene, og korleis lærte dei det? Skriv gjerne namnet på systemet i tittelen før utsending. Blir send éin gong og er open i 7 dagar.',
    sv: 'Efter att ett nytt system har införts: kom utbildningen i tid, vet medarbetarna var de får hjälp, fungerar systemet för uppgifterna, och hur lärde de sig det? Skriv gärna systemets namn i titeln innan utskick. Skickas en gång och är öppen i 7 dagar.',
    en: 'After a new system goes live: did training come in time, do staff know where to get help, does the system work for their tasks, and how did they learn it? Consider naming the system in the title before sending. Sent once, open for 7 days.',
  },
  suggested: { recurrence: 'once', openDays: 7 },
  definition: {
    title: {
      nb: 'Hvordan gikk innføringen av det nye systemet?',
      nn: 'Korleis gjekk innføringa av det nye systemet?',
      sv: 'Hur gick införandet av det nya systemet?',
      en: 'How did the new system roll-out go?',
    },
    intro: {
      nb: 'Du har nylig tatt i bruk et nytt system. Noen korte spørsmål om hvordan det har gått. Svarene er anonyme, og resultatene vises bare for grupper. Ikke skriv navn i fritekstsvaret.',
      nn: 'Du har nyleg teke i bruk eit nytt system. Nokre korte spørsmål om korleis det har gått. Svara er anonyme, og resultata blir viste berre for grupper. Ikkje skriv namn i fritekstsvaret.',
      sv: 'Du har nyligen börjat använda ett nytt system. Några korta frågor om hur det har gått. Svaren är anonyma och resultaten visas bara för grupper. Skriv inga namn i fritextsvaret.',
      en: 'You have recently started using a new system. A few short questions on how it has gone. Your answers are anonymous, and results are shown only for groups. Please do not write names in the free-text answer.',
    },
    questions: [
      {
        id: 'training-in-time',
        kind: 'likert',
        required: true,
        text: {
          nb: 'Jeg fikk opplæring før jeg måtte bruke det nye systemet.',
          nn: 'Eg fekk opplæring før eg måtte bruke det nye systemet.',
          sv: 'Jag fick utbildning innan jag behövde använda det nya systemet.',
          en: 'I was trained before I had to use the new system.',
        },
      },
      {
        id: 'knows-help',
        kind: 'likert',
        required: true,
        text: {
          nb: 'Jeg vet hvor jeg kan få hjelp med det nye systemet.',
          nn: 'Eg veit kvar eg kan få hjelp med det nye systemet.',
          sv: 'Jag vet var jag kan få hjälp med det nya systemet.',
          en: 'I know where to get help with the new system.',
        },
      },
      {
        id: 'fits-tasks',
        kind: 'likert',
        required: true,
        text: {
          nb: 'Det nye systemet fungerer for arbeidsoppgavene mine.',
          nn: 'Det nye systemet fungerer for arbeidsoppgåvene mine.',
          sv: 'Det nya systemet fungerar för mina arbetsuppgifter.',
          en: 'The new system works for my tasks.',
        },
      },
      {
        id: 'how-learned',
        kind: 'single',
        required: true,
        text: {
          nb: 'Hvordan lærte du mest om det nye systemet?',
          nn: 'Korleis lærte du mest om det nye systemet?',
          sv: 'Hur lärde du dig mest om det nya systemet?',
          en: 'How did you learn most about the new system?',
        },
        options: [
          { id: 'course', text: { nb: 'Kurs eller opplæringsøkt', nn: 'Kurs eller opplæringsøkt', sv: 'Kurs eller utbildningstillfälle', en: 'A course or training session' } },
          { id: 'colleague', text: { nb: 'Fra en kollega eller superbruker', nn: 'Frå ein kollega eller superbrukar', sv: 'Av en kollega eller superanvändare', en: 'From a colleague or super user' } },
          { id: 'guides', text: { nb: 'Videoer eller skriftlige veiledninger', nn: 'Videoar eller skriftlege rettleiingar', sv: 'Filmer eller skriftliga instruktioner', en: 'Videos or written guides' } },
          { id: 'on-my-own', text: { nb: 'Jeg prøvde meg fram på egen hånd', nn: 'Eg prøvde meg fram på eiga hand', sv: 'Jag provade mig fram på egen hand', en: 'I worked it out on my own' } },
          { id: 'not-yet', text: { nb: 'Jeg har ikke lært det ennå', nn: 'Eg har ikkje lært det enno', sv: 'Jag har inte lärt mig det än', en: 'I have not learned it yet' } },
        ],
      },
      {
        id: 'easier',
        kind: 'text',
        required: false,
        maxLength: 500,
        text: {
          nb: 'Hva ville gjort det lettere å ta i bruk det nye systemet?',
          nn: 'Kva ville gjort det lettare å ta i bruk det nye systemet?',
          sv: 'Vad skulle ha gjort det lättare att börja använda det nya systemet?',
          en: 'What would have made it easier to start using the new system?',
        },
      },
    ],
  },
};
