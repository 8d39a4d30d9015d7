/**
 * The organisation of a Norwegian municipality: sectors → services → teams, each team with a
 * relative size (frontline care and schools are large; some staff teams are small enough to be
 * suppressed) and the job titles found there.
 */
export interface TeamTemplate {
  name: string;
  weight: number;
  titles: readonly string[];
}
export interface ServiceTemplate {
  name: string;
  teams: readonly TeamTemplate[];
}
export interface SectorTemplate {
  name: string;
  services: readonly ServiceTemplate[];
}

const care = ['sykepleier', 'helsefagarbeider', 'assistent', 'vernepleier'];
const teachers = ['lærer', 'lektor', 'miljøarbeider', 'assistent'];
const kindergarten = ['barnehagelærer', 'barne- og ungdomsarbeider', 'assistent'];
const office = ['rådgiver', 'seniorrådgiver', 'konsulent'];

const team = (name: string, weight: number, titles: readonly string[]): TeamTemplate => ({ name, weight, titles });

export const SECTORS: readonly SectorTemplate[] = [
  {
    name: 'Helse og omsorg',
    services: [
      { name: 'Hjemmetjenesten', teams: [team('Hjemmetjenesten Nord', 60, care), team('Hjemmetjenesten Sør', 55, care), team('Hjemmetjenesten Vest', 40, care), team('Nattpatruljen', 12, care)] },
      { name: 'Fjordvik sykehjem', teams: [team('Avdeling 1', 45, care), team('Avdeling 2', 45, care), team('Skjermet enhet', 25, care), team('Kjøkken', 8, ['kokk', 'kjøkkenassistent'])] },
      { name: 'Helsestasjon og legevakt', teams: [team('Helsestasjonen', 14, ['helsesykepleier', 'jordmor']), team('Legevakt', 18, ['lege', 'sykepleier'])] },
      { name: 'Psykisk helse og rus', teams: [team('Oppfølgingsteamet', 16, ['miljøterapeut', 'vernepleier']), team('Ruskonsulenter', 4, ['ruskonsulent'])] },
    ],
  },
  {
    name: 'Oppvekst og utdanning',
    services: [
      { name: 'Grunnskole', teams: [team('Fjordvik skole', 55, teachers), team('Nordbygda skole', 35, teachers), team('Sentrum ungdomsskole', 45, teachers), team('Holmen skole', 20, teachers)] },
      { name: 'Barnehager', teams: [team('Solstua barnehage', 22, kindergarten), team('Trollskogen barnehage', 18, kindergarten), team('Fjæra barnehage', 15, kindergarten)] },
      { name: 'Barnevern', teams: [team('Barneverntjenesten', 18, ['barnevernspedagog', 'sosionom'])] },
      { name: 'PPT', teams: [team('Pedagogisk-psykologisk tjeneste', 7, ['rådgiver', 'spesialpedagog'])] },
    ],
  },
  {
    name: 'Teknisk drift og eiendom',
    services: [
      { name: 'Vei og park', teams: [team('Veidrift', 16, ['fagarbeider', 'maskinfører']), team('Parkvesen', 8, ['gartner', 'fagarbeider'])] },
      { name: 'Vann og avløp', teams: [team('VA-drift', 12, ['driftsoperatør', 'ingeniør'])] },
      { name: 'Eiendom', teams: [team('Renhold', 30, ['renholder']), team('Vaktmestertjenesten', 10, ['vaktmester']), team('Prosjekt', 4, ['prosjektleder', 'ingeniør'])] },
    ],
  },
  {
    name: 'Kultur og fritid',
    services: [
      { name: 'Kultur', teams: [team('Biblioteket', 8, ['bibliotekar']), team('Kulturskolen', 14, ['kulturskolelærer']), team('Fritidsklubben', 3, ['miljøarbeider'])] },
    ],
  },
  {
    name: 'Samfunnsutvikling',
    services: [
      { name: 'Plan og bygg', teams: [team('Byggesak', 8, ['saksbehandler', 'ingeniør']), team('Arealplan', 5, ['arealplanlegger'])] },
      { name: 'NAV Fjordvik', teams: [team('Sosialtjenesten', 14, ['veileder', 'sosionom'])] },
    ],
  },
  {
    name: 'Sentraladministrasjon',
    services: [
      { name: 'Kommunikasjon', teams: [team('Kommunikasjonsavdelingen', 5, ['kommunikasjonsrådgiver'])] },
      { name: 'Digitalisering', teams: [team('IKT-drift', 9, ['IT-konsulent', 'systemansvarlig']), team('Digitaliseringsteamet', 4, ['digitaliseringsrådgiver'])] },
      { name: 'HR', teams: [team('Personal og organisasjon', 8, ['HR-rådgiver', 'lønnskonsulent'])] },
      { name: 'Økonomi', teams: [team('Regnskap', 7, office), team('Budsjett og analyse', 3, office)] },
      { name: 'Politisk sekretariat', teams: [team('Servicetorget', 6, ['konsulent', 'arkivar'])] },
    ],
  },
];
