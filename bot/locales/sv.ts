/** Svenska. Glossary: enhet, meddelande, pulsmätning, digital arbetsmiljö, skyddsombud. */
export default {
  welcome: {
    title: 'Hej, jag är Digipuls',
    intro: 'Jag hjälper kommunen att ta reda på om informationen från ledningen når fram till dig, och hur du upplever din digitala arbetsmiljö.',
    asksTitle: 'Det här frågar jag om',
    asks: 'Korta pulsmätningar om den digitala arbetsmiljön (ett par minuter), tips om Teams och Viva Engage, och viktiga meddelanden från ledningen.',
    answersTitle: 'Det här händer med dina svar',
    answers: 'Svaren sparas utan ditt namn. Resultat visas bara för grupper med minst {{minGroupSize}} personer, aldrig för en enskild person, och din chef ser aldrig vad du svarade.',
    stopTitle: 'Så stoppar du tips',
    stop: 'Skriv ”stopp” när som helst, så får du inga fler tips. Skriv ”språk” för att byta språk och ”hjälp” för att se det här meddelandet igen.',
    changeLanguage: 'Byt språk',
    privacy: 'Integritet',
  },
  language: {
    title: 'Välj språk',
    body: 'Vilket språk vill du att Digipuls ska använda med dig?',
    changed: 'Nu pratar jag svenska med dig.',
  },
  privacy: {
    title: 'Vad händer med mina svar?',
    body: 'Digipuls sparar dina svar åtskilda från vem som har svarat, utan exakt tidpunkt och utan något som kopplar dem till dig. Resultat visas bara för grupper med minst {{minGroupSize}} personer, och så att ingen kan räkna fram en mindre grupp. Fritext visas bara när gruppen är tillräckligt stor. Om ett meddelande kräver att du bekräftar läst får du veta det i förväg, och då registreras bekräftelsen med namn. Användningsdata från Teams och Viva Engage sparas bara som siffror per enhet. Du kan begära insyn och radering hos kommunens dataskyddsombud.',
  },
  nudges: {
    stopped: 'Okej, du får inga fler tips från mig. Pulsmätningar och viktiga meddelanden får du fortfarande. Skriv ”start” om du vill ha tips igen.',
    started: 'Vad bra! Du får tips från mig igen, högst ett i veckan. Skriv ”stopp” för att stänga av dem.',
  },
  unknown: 'Det förstod jag inte. Skriv ”hjälp” för att se vad jag kan, eller ”språk” för att byta språk.',
  error: {
    title: 'Det gick inte',
    invalidAction: 'Knappen du tryckte på skickade något jag inte känner igen. Inget har sparats. Skriv ”hjälp” för att börja om.',
  },
} as const;
