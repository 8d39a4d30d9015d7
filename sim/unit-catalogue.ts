/**
 * The organisation of a Norwegian municipality: sectors → services → teams, each team with a
 * relative size (frontline care and schools are large; some staff teams are small enough to be
 * suppressed), the job titles found there and its leader's title. The generator scales the sizes to
 * the staff asked for and splits teams that grow past 250 people into "Team 1…n".
 */
export interface TeamTemplate {
  name: string;
  /** Relative size; teams of 5 or fewer keep exactly this size at any staff count. */
  weight: number;
  titles: readonly string[];
  /** The leader's job title (the team's first member). */
  leader: string;
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

const team = (name: string, weight: number, titles: readonly string[], leader = 'avdelingsleder'): TeamTemplate => ({ name, weight, titles, leader });

export const SECTORS: readonly SectorTemplate[] = [
  {
    name: 'Helse og omsorg',
    services: [
      { name: 'Hjemmetjenesten', teams: [team('Hjemmetjenesten Nord', 60, care, 'enhetsleder'), team('Hjemmetjenesten Sør', 55, care, 'enhetsleder'), team('Hjemmetjenesten Vest', 40, care, 'enhetsleder'), team('Nattpatruljen', 12, care)] },
      { name: 'Fjordvik sykehjem', teams: [team('Avdeling 1', 45, care), team('Avdeling 2', 45, care), team('Skjermet enhet', 25, care), team('Kjøkken', 8, ['kokk', 'kjøkkenassistent'])] },
      { name: 'Helsestasjon og legevakt', teams: [team('Helsestasjonen', 14, ['helsesykepleier', 'jordmor']), team('Legevakt', 18, ['lege', 'sykepleier'])] },
      { name: 'Psykisk helse og rus', teams: [team('Oppfølgingsteamet', 16, ['miljøterapeut', 'vernepleier']), team('Ruskonsulenter', 4, ['ruskonsulent'])] },
    ],
  },
  {
    name: 'Oppvekst og utdanning',
    services: [
      { name: 'Grunnskole', teams: [team('Fjordvik skole', 55, teachers, 'rektor'), team('Nordbygda skole', 35, teachers, 'rektor'), team('Sentrum ungdomsskole', 45, teachers, 'rektor'), team('Holmen skole', 20, teachers, 'rektor')] },
      { name: 'Barnehager', teams: [team('Solstua barnehage', 22, kindergarten, 'styrer'), team('Trollskogen barnehage', 18, kindergarten, 'styrer'), team('Fjæra barnehage', 15, kindergarten, 'styrer')] },
      { name: 'Barnevern', teams: [team('Barneverntjenesten', 18, ['barnevernspedagog', 'sosionom'], 'barnevernleder')] },
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
      { name: 'Kultur', teams: [team('Biblioteket', 8, ['bibliotekar'], 'biblioteksjef'), team('Kulturskolen', 14, ['kulturskolelærer'], 'kulturskolerektor'), team('Fritidsklubben', 3, ['miljøarbeider'])] },
    ],
  },
  {
    name: 'Samfunnsutvikling',
    services: [
      { name: 'Plan og bygg', teams: [team('Byggesak', 8, ['saksbehandler', 'ingeniør']), team('Arealplan', 5, ['arealplanlegger'])] },
      { name: 'NAV Fjordvik', teams: [team('Sosialtjenesten', 14, ['veileder', 'sosionom'], 'NAV-leder')] },
    ],
  },
  {
    name: 'Sentraladministrasjon',
    services: [
      { name: 'Kommunedirektøren', teams: [team('Kommunedirektørens stab', 3, ['kommunalsjef', 'spesialrådgiver'], 'kommunedirektør')] },
      { name: 'Kommunikasjon', teams: [team('Kommunikasjonsavdelingen', 5, ['kommunikasjonsrådgiver'], 'kommunikasjonssjef')] },
      { name: 'Digitalisering', teams: [team('IKT-drift', 9, ['IT-konsulent', 'systemansvarlig'], 'IKT-sjef'), team('Digitaliseringsteamet', 4, ['digitaliseringsrådgiver'])] },
      { name: 'HR', teams: [team('Personal og organisasjon', 8, ['HR-rådgiver', 'lønnskonsulent'], 'HR-sjef')] },
      { name: 'Økonomi', teams: [team('Regnskap', 7, office, 'regnskapssjef'), team('Budsjett og analyse', 3, office)] },
      { name: 'Politisk sekretariat', teams: [team('Servicetorget', 6, ['konsulent', 'arkivar'])] },
    ],
  },
];

/** The title of the first member of each sub-team ("Team 1…n") a large team is split into. */
export const SUB_TEAM_LEADER_TITLE = 'teamleder';
