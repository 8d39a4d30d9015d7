import type nb from './nb';

/** Svenska. */
export default {
  appName: 'Digipuls',
  tagline: 'Når informationen fram? Hur har vi det digitalt?',
  loading: 'Laddar …',
  skipToContent: 'Hoppa till innehållet',
  signIn: {
    body: 'Logga in med ditt kommunkonto för att se vad Digipuls visar dig.',
    button: 'Logga in',
    expired: 'Din session har gått ut. Logga in igen.',
    failed: 'Inloggningen misslyckades. Försök igen.',
    state: 'Inloggningen kunde inte bekräftas (den startades kanske i en annan flik). Försök igen.',
    teamsFailed: 'Teams kunde inte logga in dig i Digipuls. Försök igen, eller fråga IT-avdelningen om appen är godkänd i kommunen.',
    retry: 'Försök igen',
    detail: 'Teknisk detalj: {{detail}}',
  },
  signOut: 'Logga ut',
  language: 'Språk',
  nav: { label: 'Huvudmeny', home: 'Översikt', reach: 'Nått ut', adoption: 'Användning', surveys: 'Pulsmätningar', nudges: 'Påminnelser', settings: 'Inställningar', privacy: 'Integritet', terms: 'Användarvillkor' },
  home: {
    heading: 'Hej, {{name}}',
    you: 'Du',
    roles: 'Dina roller',
    units: 'Dina enheter',
    noUnit: 'Du är inte kopplad till någon enhet än. Katalogen uppdateras från Entra ID varje natt.',
    next: 'Det här kan du göra här',
    staff: 'Digipuls möter dig mest i chatten: korta pulsmätningar om den digitala arbetsmiljön, och tips om Teams och Viva Engage.',
  },
  roles: { Staff: 'Medarbetare', Communicator: 'Kommunikatör', UnitLead: 'Enhetschef', AdoptionAdmin: 'Adoptionsadministratör', SafetyRep: 'Skyddsombud' },
  coming: {
    soon: 'Kommer snart',
    reach: 'Skicka meddelanden till enheter och se hur många som har fått, läst och bekräftat dem – och var informationen inte når fram.',
    adoption: 'Se vilka enheter som har börjat använda Teams och Viva Engage, per kanal och över tid.',
    surveys: 'Korta pulsmätningar om den digitala arbetsmiljön, med resultat per enhet som aldrig avslöjar enskilda, och ”ni sa, vi gjorde”.',
    nudges: 'Tips till medarbetare som inte har kommit igång, och aviseringar till enhetschefer – i en takt som inte blir tjat.',
    settings: 'Minsta gruppstorlek, enhetskoppling, datakällor och lagringstid.',
  },
  privacy: {
    heading: 'Integritet: vad händer med svaren?',
    intro: 'Digipuls är gjort för att visa hur det går för enheter och grupper – aldrig för att hålla koll på enskilda.',
    points: [
      'Dina svar på pulsmätningar sparas utan namn, åtskilda från uppgiften om vem som tillfrågades och har svarat, utan exakt tidpunkt och utan något som kopplar ihop dem. Ingen kan se vem som svarade vad.',
      'Resultat visas bara för grupper där minst {{minGroupSize}} har svarat, och så att en dold enhet inte kan räknas fram genom subtraktion. Fritextsvar visas bara över samma gräns.',
      'Chefer, kommunikatörer och skyddsombud ser resultat per enhet – aldrig enskilda svar.',
      'Användningsdata från Teams och Viva Engage räknas per enhet. Digipuls sparar ingen historik över vad enskilda gör.',
      'Bara när ett meddelande ber dig bekräfta att du har läst det registreras bekräftelsen med namn – och det får du veta i förväg.',
      'Varje typ av data har en lagringstid och raderas när den har gått ut. Din kommun är personuppgiftsansvarig; du kan begära ett registerutdrag över det som sparats om dig.',
    ],
  },
  terms: {
    heading: 'Användarvillkor',
    points: [
      'Din kommun använder Digipuls för att se om information når fram, hur Teams och Viva Engage används och hur ni har det digitalt.',
      'Det är frivilligt att svara på pulsmätningar. Skriv ”stopp” i chatten med Digipuls om du inte vill ha fler tips.',
      'Din kommun är personuppgiftsansvarig och bestämmer vem som har vilken roll i Digipuls.',
      'Frågor om Digipuls ställer du till IT- eller digitaliseringsavdelningen i din kommun.',
    ],
  },
  teamTab: {
    heading: 'Lägg till Digipuls i kanalen',
    body: 'Fliken visar Digipuls för den som öppnar den: meddelanden, användning av Teams och pulsmätningar efter personens roller. Välj Spara för att lägga till fliken.',
  },
  back: 'Tillbaka',
  error: { title: 'Något gick fel', retry: 'Försök igen' },
} satisfies typeof nb;
