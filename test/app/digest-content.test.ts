import assert from 'node:assert/strict';
import { MIN_GROUP_SIZE_FLOOR } from '../../core/suppression.js';
import { openChats } from '../support/chats.js';
import { digestLines, digestsByPerson, mondayAhead, osloAt } from '../support/digests.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { onceAt, surveyApi } from '../support/survey-api.js';
import { getAs } from '../support/tab-session.js';
import { waitFor } from '../support/wait.js';

interface AdoptionBody {
  units: Array<{ name: string; depth: number; staff: number | null; suppressed: boolean; active: { teams: number } | null }>;
  tenant: { staff: number; active: { teams: number } } | null;
}
interface ReachBody {
  municipality: { targeted: number; read: number; acknowledged: number; clicked: number } | null;
}
interface ResultsBody {
  municipality: { responseRate: number } | null;
  units: Array<{ unitId: string; participation: { responseRate: number } | null }>;
}

const pct = (part: number, whole: number) => Math.round((part / whole) * 100);

/**
 * What the digest tells a lead, checked against what the tab's API shows that same lead (their own
 * token): every line with a figure must be one the tab would show them, and groups the tab hides are
 * said in words. Leads of hidden units are the attempt to break it.
 */
describe('the unit-lead digest’s figures are the tab’s figures', function () {
  this.timeout(120_000);
  let stack: TestStack;
  let tenantId: string;
  let announcementId: string;
  let surveyId: string;
  let surveyTitle: string;
  const monday = mondayAhead();
  /** Leads by the unit they lead: the demo lead of Hjemmetjenesten Nord, and leads of two units the tab hides. */
  const leads: Record<'nord' | 'small' | 'complementary', { id: string; unitId: string; unitName: string; size: number }> = {} as never;
  const token = (id: string) => stack.sim.issueUserToken(id, { roles: ['UnitLead'] });
  const asLead = async <T>(id: string, path: string): Promise<T> => {
    const response = await fetch(`${stack.url}/api/v1${path}`, { headers: { authorization: `Bearer ${await token(id)}` } });
    assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
    return (await response.json()) as T;
  };

  before(async () => {
    stack = await startTestStack({ staff: 200, ingestAdoption: true });
    tenantId = stack.sim.tenantId;
    const units = await stack.directory.listUnits(tenantId);
    const snapshot = (await stack.app.adoption.getSnapshot(tenantId, 'D30'))!;
    const unitNamed = (name: string) => units.find((u) => u.name === name)!;
    const homeCare = unitNamed('Hjemmetjenesten');
    const people = await stack.app.surveys.store.audiencePeople(tenantId, { unitIds: [homeCare.id] });
    const inUnit = (unitId: string) => people.filter((p) => p.unitId === unitId).map((p) => p.aadObjectId);
    const lars = stack.sim.municipality.demoPersons.unitLead.id;
    const figuresOf = (name: string) => snapshot.units.find((u) => u.unit.name === name)!;
    // The snapshot keeps only that a unit is hidden; its size in the directory tells why.
    const hidden = snapshot.units.filter((u) => u.unit.path.includes('Hjemmetjenesten') && u.suppressed).map((u) => u.unit);
    const small = hidden.find((u) => inUnit(u.id).length < 5)!;
    const complementary = hidden.find((u) => inUnit(u.id).length >= 5)!;
    assert.ok(small && complementary, 'home care has a small unit and one hidden beside it');
    assert.equal(figuresOf('Hjemmetjenesten Nord').suppressed, false, 'the demo lead’s unit is shown at this size');
    leads.nord = { id: lars, unitId: unitNamed('Hjemmetjenesten Nord').id, unitName: 'Hjemmetjenesten Nord', size: inUnit(unitNamed('Hjemmetjenesten Nord').id).length };
    leads.small = { id: inUnit(small.id)[0]!, unitId: small.id, unitName: small.name, size: inUnit(small.id).length };
    leads.complementary = { id: inUnit(complementary.id)[0]!, unitId: complementary.id, unitName: complementary.name, size: inUnit(complementary.id).length };

    for (const lead of Object.values(leads)) {
      await stack.directory.setPreferredLocale(tenantId, lead.id, 'nb');
      await asLead(lead.id, '/me'); // signing in as a lead: Monday 08:00
    }
    await openChats(stack, people.map((p) => p.aadObjectId));

    // An announcement to home care, read (its link opened) by three in Nord.
    const created = await stack.app.announcements.create(
      tenantId,
      { content: { versions: { nb: { title: 'Ny vaktplan', body: 'Tekst', links: [] } }, fallbackLocale: 'nb', image: null }, audience: { kind: 'units', unitIds: [homeCare.id] }, sendAt: null, requiresAcknowledgement: false },
      { aadObjectId: stack.sim.municipality.demoPersons.communicator.id, role: 'Communicator' },
    );
    announcementId = created.id;
    await waitFor(async () => (await stack.app.announcements.store.get(tenantId, created.id))?.status === 'sent', 60_000);
    for (const id of inUnit(leads.nord.unitId).slice(0, 3)) await stack.app.announcements.store.recordClick({ tenantId, announcementId, aadObjectId: id, at: new Date() });

    // A weekly pulse to Hjemmetjenesten, opened Monday morning and sent to everyone with a chat.
    const api = await surveyApi(stack);
    const survey = await api.json<{ id: string }>('communicator', 'POST', '/surveys', { templateId: 'weekly-pulse', audience: { kind: 'units', unitIds: [homeCare.id] }, schedule: onceAt(osloAt(monday, '08:30'), 5) });
    surveyId = survey.id;
    surveyTitle = (await stack.app.surveys.store.getSurvey(tenantId, surveyId))!.definition.title.nb;
    await stack.app.surveys.runDue(osloAt(monday, '09:00'));
    await stack.app.digests.runDue(osloAt(monday, '10:00'));
  });
  after(() => stack?.close());

  /** The lines the tab's API makes for a lead, written as the digest writes them in bokmål. */
  async function linesFromApi(leadId: string, ownUnitId: string) {
    const adoption = await asLead<AdoptionBody>(leadId, '/adoption?period=D30');
    const admin = await getAs<AdoptionBody>(stack, '/api/v1/adoption?period=D30', stack.sim.municipality.demoPersons.admin.id);
    const reach = await asLead<ReachBody>(leadId, `/announcements/${announcementId}/reach`);
    const results = await asLead<ResultsBody>(leadId, `/surveys/${surveyId}/results`);
    const lines = adoption.units.map((u) => (u.suppressed || u.staff === null ? `${u.name}: for få personer til å vise tall` : `${u.name}: ${pct(u.active!.teams, u.staff)} % aktive (${u.active!.teams} av ${u.staff})`));
    lines.push(`Hele kommunen: ${pct(admin.tenant!.active.teams, admin.tenant!.staff)} % aktive`);
    const f = reach.municipality;
    if (f) {
      const readers = f.targeted - (f.targeted - Math.max(f.read, f.acknowledged, f.clicked));
      lines.push(`«Ny vaktplan»: lest av ${pct(readers, f.targeted)} % (${readers} av ${f.targeted})`);
    } else lines.push('«Ny vaktplan»: for få mottakere hos deg til å vise tall');
    const row = results.units.find((u) => u.unitId === ownUnitId)!;
    lines.push(
      row.participation
        ? results.municipality
          ? `«${surveyTitle}»: ${Math.round(row.participation.responseRate * 100)} % har svart (hele kommunen: ${Math.round(results.municipality.responseRate * 100)} %)`
          : `«${surveyTitle}»: ${Math.round(row.participation.responseRate * 100)} % har svart`
        : `«${surveyTitle}»: for få spurt hos deg til å vise tall`,
    );
    return { lines, adoption };
  }

  const digestOf = (id: string) => {
    const list = digestsByPerson(stack).get(id) ?? [];
    assert.equal(list.length, 1, 'one digest');
    return digestLines(list[0]!);
  };

  it('shows the demo lead exactly the tab’s adoption, reach and response rate, and suggests briefing the inactive of Nord', async () => {
    const lines = digestOf(leads.nord.id);
    if (process.env.SHOW_DIGEST) console.log(lines.join('\n'));
    const { lines: expected, adoption } = await linesFromApi(leads.nord.id, leads.nord.unitId);
    for (const line of expected) assert.ok(lines.includes(line), `the digest says "${line}"\n${lines.join('\n')}`);
    const nord = adoption.units.find((u) => u.name === 'Hjemmetjenesten Nord')!;
    const inactive = nord.staff! - nord.active!.teams;
    assert.ok(inactive >= 5);
    assert.ok(lines.includes(`${inactive} personer i Hjemmetjenesten Nord har ikke vært aktive i Teams på 30 dager. Gå gjennom det med dem på neste vaktmøte: hvor nyhetene ligger, og hvordan de finner vaktplanen.`), lines.join('\n'));
    assert.equal(lines[0], 'Ukesammendrag for Hjemmetjenesten Nord');
  });

  for (const kind of ['small', 'complementary'] as const) {
    it(`says a ${kind === 'small' ? 'unit under the group size' : 'unit hidden by complementary suppression'} in words, and no figure of it anywhere`, async () => {
      const lead = leads[kind];
      const lines = digestOf(lead.id);
      if (process.env.SHOW_DIGEST) console.log(lines.join('\n'));
      const { lines: expected } = await linesFromApi(lead.id, lead.unitId);
      for (const line of expected) assert.ok(lines.includes(line), `the digest says "${line}"\n${lines.join('\n')}`);
      assert.ok(lines.includes(`${lead.unitName}: for få personer til å vise tall`));
      assert.ok(lines.includes('Tallene for enheten din vises ikke, for å verne enkeltpersoner. Derfor har jeg ikke noe forslag denne uka.'), 'no "well done" about what nobody can see');
      // Every line with a number in it is one of the tab's, the heading's 30 days or the footer's group size.
      const known = new Set([...expected, 'Teams-bruk siste 30 dager', 'Du får dette fordi du er enhetsleder. Tall vises bare for grupper på minst 5 personer.']);
      for (const line of lines.filter((l) => /\d/.test(l))) {
        assert.ok(known.has(line) || /har ikke vært aktive|har ikke vist tegn|har svart på/.test(line), `an unexpected figure: "${line}"`);
        // A suggestion names only groups of at least the group size.
        if (!known.has(line)) for (const n of line.match(/\d+/g) ?? []) assert.ok(Number(n) >= Math.max(MIN_GROUP_SIZE_FLOOR, 5) || n === '30', `"${line}"`);
      }
      const exact = new RegExp(`(^|\\D)${lead.size}(\\D|$)`);
      for (const line of lines.filter((l) => !known.has(l) || l.startsWith(lead.unitName))) assert.doesNotMatch(line, exact, `the unit's ${lead.size} people show in "${line}"`);
    });
  }
});
