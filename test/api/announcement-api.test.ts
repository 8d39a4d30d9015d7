import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AnnouncementRequest } from '../../core/announcement.js';
import type { Funnel } from '../../core/announcement-reach.js';
import type { DeliveryCounts } from '../../core/announcement-store.js';
import { shareOf, teamsShares } from '../../core/teams-share.js';
import type { Unit } from '../../core/units.js';
import type { SimPerson } from '../../sim/municipality.js';
import { openChats } from '../support/chats.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { assertProblem, surveyApi, type Persona } from '../support/survey-api.js';

type ApiUnit = { unitId: string; parentId: string | null; name: string; path: string[] } & ({ funnel: Funnel } | { hidden: string });
interface Reach {
  minGroupSize: number;
  readReceipts: 'seen' | 'none-yet';
  sentAt: string | null;
  municipality: Funnel | null;
  units: ApiUnit[];
}
type Progress = DeliveryCounts & { ratePerSecond: number; secondsLeft: number | null };
interface Detail {
  id: string;
  title: string;
  status: string;
  sendAt: string;
  requiresAcknowledgement: boolean;
  content: AnnouncementRequest['content'];
  progress: Progress;
  reminderSentAt: string | null;
}
type UnreachedUnit = { unitId: string; path: string[] } & ({ notOnTeams: number | null; failed: number; unreachable: number; notRead: number } | { hidden: string });
interface Briefing {
  announcement: { title: string; body: string; links: unknown[]; locale: string };
  unit: { id: string; name: string; path: string[] };
  toBrief: number;
  names: string[] | null;
}
interface ProblemWithFields {
  errors?: Array<{ path: string; message: string }>;
}

const DAY = 24 * 3600_000;
const content = (body = 'Fra 1. desember fører vi vaktene i **MinTurnus**.'): AnnouncementRequest['content'] => ({
  versions: {
    nb: { title: 'Nytt turnussystem', body, links: [{ label: 'Veiledning', url: 'https://intranett.example.no/minturnus' }] },
    sv: { title: 'Nytt schemasystem', body: 'Från 1 december förs passen i **MinTurnus**.', links: [] },
  },
  fallbackLocale: 'nb',
  image: null,
});
const funnelOf = (unit: ApiUnit | undefined) => (unit && 'funnel' in unit ? unit.funnel : undefined);

/**
 * The attacker: the published figures of a reach answer and the tree they name. For every shown parent
 * (and the whole audience) it subtracts the shown children; a remainder of 1…min−1 recipients is a small
 * group it has learnt about.
 */
function recoverable(reach: Reach): string[] {
  const shown = reach.units.filter((u): u is ApiUnit & { funnel: Funnel } => 'funnel' in u);
  const parents: Array<[string | null, Funnel | null]> = [[null, reach.municipality], ...shown.map((u) => [u.unitId, u.funnel] as [string, Funnel])];
  const leaks: string[] = [];
  for (const [id, funnel] of parents) {
    if (!funnel) continue;
    const remainder = funnel.targeted - shown.filter((u) => u.parentId === id).reduce((sum, u) => sum + u.funnel.targeted, 0);
    if (remainder > 0 && remainder < reach.minGroupSize) leaks.push(`${id ?? '(all)'}: ${remainder}`);
  }
  return leaks;
}

/**
 * The announcement API as the tab and a demanding user meet it: every route over real HTTP against the
 * real server and database, every wrong request refused with a status, a stable code and the field, each
 * role given exactly what design.md gives it, and no small group shown or recoverable.
 */
describe('API: announcements, their reach, roles and bad input', function () {
  this.timeout(120_000);
  let stack: TestStack;
  let api: Awaited<ReturnType<typeof surveyApi>>;
  let units: Unit[];
  const tenant = () => stack.sim.tenantId;
  const store = () => stack.app.announcements.store;
  const demo = () => stack.sim.municipality.demoPersons;
  /** The unit lead's unit (Hjemmetjenesten Nord), the unit above it, and two of its siblings. */
  let lead: Unit;
  let parent: Unit;
  let siblings: [Unit, Unit];

  before(async () => {
    stack = await startTestStack({ ingestAdoption: true });
    api = await surveyApi(stack);
    units = await stack.directory.listUnits(tenant());
    lead = (await stack.directory.unitOf(tenant(), demo().unitLead.id))!;
    parent = units.find((u) => u.id === lead.parentId)!;
    const others = units.filter((u) => u.parentId === parent.id && u.id !== lead.id);
    assert.ok(others.length >= 2, 'the lead’s unit has two siblings');
    siblings = [others[0]!, others[1]!];
  });
  after(() => stack?.close());

  const json = async <T>(as: Persona, method: string, path: string, body?: unknown, status = 200): Promise<T> => {
    const response = await api.call(as, method, path, body);
    assert.equal(response.status, status, `${method} ${path} as ${as}: ${await response.clone().text()}`);
    return (await response.json()) as T;
  };
  const create = (body: unknown, as: Persona = 'communicator') => api.call(as, 'POST', '/announcements', body);
  const valid = (): AnnouncementRequest => ({ content: content(), audience: { kind: 'units', unitIds: [parent.id] }, sendAt: null, requiresAcknowledgement: false });

  async function sent(id: string): Promise<Detail> {
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
      const found = await json<Detail>('communicator', 'GET', `/announcements/${id}`);
      if (found.status === 'sent') return found;
    }
    throw new Error('not sent in time');
  }

  interface Seat {
    person: SimPerson;
    unitId: string;
    outcome: 'sent' | 'failed' | 'unreachable';
    receipt?: boolean;
    ack?: boolean;
    click?: boolean;
  }
  /**
   * An announcement with deliveries and signals written through the store, as the fan-out and the bot
   * would: held by a lease of ours, so no sending run takes it up. Sent `daysAgo`. It is created for
   * later (a scheduled one that is due could be taken by a run before our lease), then started.
   */
  async function seeded(seats: Seat[], options: { requiresAcknowledgement: boolean; daysAgo: number; settle?: number }) {
    const at = new Date(Date.now() - options.daysAgo * DAY);
    const created = await store().create({
      tenantId: tenant(),
      content: content(),
      audience: { kind: 'units', unitIds: [...new Set(seats.map((s) => s.unitId))] },
      sendAt: new Date(Date.now() + 30 * DAY),
      requiresAcknowledgement: options.requiresAcknowledgement,
      createdBy: demo().communicator.id,
      createdByRole: 'Communicator',
    });
    assert.ok(await store().lease(tenant(), created.id, randomUUID(), new Date(), new Date(Date.now() + 365 * DAY)));
    await store().start(tenant(), created.id, seats.map((s) => ({ aadObjectId: s.person.id, unitId: s.unitId })), at);
    const claimed = new Set((await store().claim(tenant(), created.id, options.settle ?? seats.length)).map((t) => t.aadObjectId));
    const settling = seats.filter((s) => claimed.has(s.person.id));
    // A chat of its own per delivery, so a read receipt here marks no other announcement read.
    const chat = (s: Seat) => `a:seeded-${created.id}-${s.person.id}`;
    await store().settle(
      tenant(),
      created.id,
      settling.map((s, i) => (s.outcome === 'sent' ? { aadObjectId: s.person.id, state: 'sent' as const, activityId: String(1000 + i), conversationId: chat(s) } : { aadObjectId: s.person.id, state: s.outcome, reason: 'http_403' })),
      at,
    );
    for (const [i, s] of settling.entries()) {
      const signal = { tenantId: tenant(), announcementId: created.id, aadObjectId: s.person.id, at: new Date(at.getTime() + 3600_000) };
      if (s.receipt) assert.equal(await store().recordRead({ tenantId: tenant(), aadObjectId: s.person.id, conversationId: chat(s), lastReadMessageId: String(1000 + i), at: signal.at }), 1);
      if (s.ack) assert.equal((await store().acknowledge(signal)).status, 'acknowledged');
      if (s.click) assert.equal(await store().recordClick(signal), true);
    }
    await store().finishIfDone(tenant(), created.id, at);
    return created;
  }

  /** Staff of the simulated municipality other than the demo people, to seat in units of our choosing. */
  const staff = () => {
    const taken = new Set(Object.values(demo()).map((p) => p.id));
    return stack.sim.municipality.people.filter((p) => p.accountEnabled && !taken.has(p.id));
  };

  describe('bad input', () => {
    it('refuses an empty list of units, naming the field', async () => {
      const body = await assertProblem(await create({ ...valid(), audience: { kind: 'units', unitIds: [] } }), 400, 'invalid_body', /^audience\.unitIds: choose at least one unit/);
      assert.deepEqual((body as ProblemWithFields).errors?.map((e) => e.path), ['audience.unitIds']);
    });

    it('refuses an audience of nobody and an audience kind that does not exist', async () => {
      await assertProblem(await create({ ...valid(), audience: { kind: 'nobody' } }), 400, 'invalid_body', /^audience: /);
      await assertProblem(await create({ ...valid(), audience: undefined }), 400, 'invalid_body', /^audience: /);
    });

    it('refuses a unit that does not exist, naming it, where the form shows it', async () => {
      const ghost = '0b7d1c51-8e1f-4f6e-9a55-3f5ac1d0c0de';
      const body = await assertProblem(await create({ ...valid(), audience: { kind: 'units', unitIds: [parent.id, ghost] } }), 400, 'unknown_unit', new RegExp(ghost));
      assert.deepEqual((body as ProblemWithFields).errors?.map((e) => e.path), ['audience.unitIds']);
      const team = await assertProblem(await create({ ...valid(), audience: { kind: 'team', teamId: ghost } }), 400, 'unknown_group', new RegExp(ghost));
      assert.deepEqual((team as ProblemWithFields).errors?.map((e) => e.path), ['audience.teamId']);
    });

    it('refuses a body too long for a card, naming the language and the field', async () => {
      const body = await assertProblem(await create({ ...valid(), content: content('x'.repeat(4001)) }), 400, 'invalid_body', /^content\.versions\.nb\.body: the body is too long for a card: at most 4000 characters/);
      assert.deepEqual((body as ProblemWithFields).errors?.map((e) => e.path), ['content.versions.nb.body']);
      const later = new Date(Date.now() + 7 * DAY).toISOString();
      assert.equal((await create({ ...valid(), content: content('x'.repeat(4000)), sendAt: later })).status, 201, '4000 characters fit');
    });

    it('refuses a link address over 2000 characters, as the tab’s form lets one through', async () => {
      const long = content();
      long.versions.nb!.links = [{ label: 'Veiledning', url: `https://intranett.example.no/?${'x'.repeat(2000)}` }];
      const body = await assertProblem(await create({ ...valid(), content: long }), 400, 'invalid_body', /2000/);
      assert.equal((body as ProblemWithFields).errors?.[0]?.path, 'content.versions.nb.links.0.url');
    });

    it('refuses a malformed sendAt, and one more than a year ahead', async () => {
      await assertProblem(await create({ ...valid(), sendAt: '1. desember kl. 9' }), 400, 'invalid_body', /^sendAt: sendAt is an ISO 8601 date and time/);
      await assertProblem(await create({ ...valid(), sendAt: '2026-12-01T09:00:00' }), 400, 'invalid_body', /^sendAt: /, 'no offset');
      const far = await assertProblem(await create({ ...valid(), sendAt: new Date(Date.now() + 400 * DAY).toISOString() }), 400, 'invalid_send_at', /a year ahead/);
      assert.deepEqual((far as ProblemWithFields).errors?.map((e) => e.path), ['sendAt']);
    });

    it('refuses a fallback language without a version, an unknown field, and a body that is not JSON', async () => {
      await assertProblem(await create({ ...valid(), content: { ...content(), fallbackLocale: 'en' } }), 400, 'invalid_body', /^content\.fallbackLocale: there is no en version/);
      await assertProblem(await create({ ...valid(), priority: 'high' }), 400, 'invalid_body', /priority/);
      await assertProblem(await api.call('communicator', 'POST', '/announcements', 'title=Hei', 'text/plain'), 415, 'unsupported_media_type', /application\/json/);
    });

    it('answers an unknown id with 404 on every route, and unknown query parameters with 400', async () => {
      const ghost = '6f1c0d3e-2b4a-4c5d-8e9f-0a1b2c3d4e5f';
      for (const [method, path] of [['GET', ''], ['GET', '/progress'], ['GET', '/reach'], ['GET', '/timeline'], ['GET', '/unreached'], ['GET', `/briefing?unitId=${lead.id}`], ['POST', '/cancel'], ['POST', '/reminder']] as const) {
        await assertProblem(await api.call('communicator', method, `/announcements/${ghost}${path}`), 404, 'announcement_not_found', /No such announcement/, `${method} ${path}`);
      }
      await assertProblem(await api.call('communicator', 'GET', '/announcements/not-an-id'), 404, 'announcement_not_found', /No such announcement/);
      await assertProblem(await api.call('communicator', 'GET', '/announcements?page=2'), 400, 'invalid_query', /Unknown query parameter: page/);
      await assertProblem(await api.call('communicator', 'POST', '/announcements/preview?locale=de', { content: content() }), 400, 'invalid_query', /locale must be one of nb, nn, sv, en/);
    });
  });

  describe('roles', () => {
    it('gives staff and the safety representative nothing', async () => {
      for (const who of ['staff', 'safetyRep'] as const) {
        await assertProblem(await api.call(who, 'GET', '/announcements'), 403, 'forbidden', /communicators, adoption admins and unit leads/, who);
        await assertProblem(await create(valid(), who), 403, 'forbidden', /communicators, adoption admins and unit leads/, who);
      }
    });

    it('lets a unit lead read but not write, preview, cancel or remind', async () => {
      await json('unitLead', 'GET', '/announcements');
      await assertProblem(await create(valid(), 'unitLead'), 403, 'forbidden', /Only communicators and adoption admins/);
      await assertProblem(await api.call('unitLead', 'POST', '/announcements/preview?locale=nb', { content: content() }), 403, 'forbidden', /Only communicators/);
      const scheduled = await json<Detail>('admin', 'POST', '/announcements', { ...valid(), sendAt: new Date(Date.now() + 2 * DAY).toISOString() }, 201);
      await assertProblem(await api.call('unitLead', 'POST', `/announcements/${scheduled.id}/cancel`, {}), 403, 'forbidden', /Only communicators/);
      await assertProblem(await api.call('unitLead', 'POST', `/announcements/${scheduled.id}/reminder`, {}), 403, 'forbidden', /Only communicators/);
      await json('admin', 'POST', `/announcements/${scheduled.id}/cancel`, {});
    });
  });

  describe('compose, preview, send and cancel through the real service', () => {
    it('previews the card in the language asked, falling back where there is no version', async () => {
      const swedish = await json<{ card: unknown }>('communicator', 'POST', '/announcements/preview?locale=sv', { content: content(), requiresAcknowledgement: true });
      assert.match(JSON.stringify(swedish.card), /Nytt schemasystem/);
      assert.match(JSON.stringify(swedish.card), /Bekräfta läst/);
      const nynorsk = await json<{ card: unknown }>('communicator', 'POST', '/announcements/preview?locale=nn', { content: content() });
      assert.match(JSON.stringify(nynorsk.card), /Nytt turnussystem/, 'no nynorsk version: the bokmål fallback');
      // A draft being written previews as it stands; sending is where every rule is checked.
      const draft = content();
      draft.versions.nb!.links = [{ label: 'Veiledning', url: `https://intranett.example.no/?${'x'.repeat(2000)}` }];
      assert.match(JSON.stringify((await json<{ card: unknown }>('communicator', 'POST', '/announcements/preview?locale=nb', { content: draft })).card), /xxxx/);
      await assertProblem(await api.call('communicator', 'POST', '/announcements/preview', { content: { ...content(), versions: {} } }), 400, 'invalid_body', /^content\.versions: write the announcement in at least one language/);
      await assertProblem(await api.call('communicator', 'POST', '/announcements/preview', { content: { ...content(), fallbackLocale: 'en' } }), 400, 'invalid_body', /^content\.fallbackLocale: there is no en version/);
    });

    it('sends to a unit with its sub-units, shows the progress to the end, and names nobody for an announcement that asked no acknowledgement', async () => {
      const people = await stack.app.surveys.store.audiencePeople(tenant(), { unitIds: [parent.id] });
      await openChats(stack, people.map((p) => p.aadObjectId));
      const created = await json<Detail>('communicator', 'POST', '/announcements', valid(), 201);
      assert.equal(created.title, 'Nytt turnussystem');
      assert.equal(created.status, 'sending', 'due now: being sent, even before the job has recorded whom to');
      assert.deepEqual(created.content.versions.sv?.title, 'Nytt schemasystem');
      assert.equal(created.requiresAcknowledgement, false);
      const done = await sent(created.id);
      const progress = await json<Progress>('communicator', 'GET', `/announcements/${created.id}/progress`);
      assert.deepEqual(progress, { ...done.progress, total: people.length, queued: 0, inDoubt: 0, sent: people.length, failed: 0, unreachable: 0, ratePerSecond: 0, secondsLeft: null });
      const list = await json<{ announcements: Detail[] }>('unitLead', 'GET', '/announcements');
      assert.ok(list.announcements.some((a) => a.id === created.id && a.status === 'sent' && a.title === 'Nytt turnussystem'));

      const reach = await json<Reach>('communicator', 'GET', `/announcements/${created.id}/reach`);
      assert.equal(reach.readReceipts, 'none-yet', 'no receipt yet: read is unknown');
      assert.equal(reach.municipality!.targeted, people.length);
      assert.equal(reach.municipality!.delivered, people.length);
      assert.ok(reach.sentAt);
      assert.deepEqual(recoverable(reach), []);
      // On Teams: the unit's Teams active share in the adoption snapshot, times its recipients.
      const shares = teamsShares(await stack.app.adoption.getSnapshot(tenant(), 'D30'))!;
      const ancestry = [lead.id, parent.id, parent.parentId!];
      const mine = funnelOf(reach.units.find((u) => u.unitId === lead.id))!;
      assert.equal(mine.onTeams, Math.round(mine.targeted * shareOf(shares, ancestry)!));

      const briefing = await json<Briefing>('communicator', 'GET', `/announcements/${created.id}/briefing?unitId=${lead.id}`);
      assert.equal(briefing.names, null, 'reach is counted, not named, unless acknowledgement was asked up front');
      assert.equal(briefing.toBrief, mine.targeted, 'nobody has read it yet');
      assert.deepEqual(briefing.unit, { id: lead.id, name: lead.name, path: lead.path });

      const reminder = await json<{ queued: number }>('communicator', 'POST', `/announcements/${created.id}/reminder`, {});
      assert.equal(reminder.queued, people.length);
      await assertProblem(await api.call('communicator', 'POST', `/announcements/${created.id}/reminder`, {}), 409, 'reminder_already_sent', /once|already/);
      assert.ok((await json<Detail>('communicator', 'GET', `/announcements/${created.id}`)).reminderSentAt);
    });

    it('schedules one for later, shows no reach before it goes, and cancels it once', async () => {
      const sendAt = new Date(Date.now() + 2 * DAY);
      const created = await json<Detail>('communicator', 'POST', '/announcements', { ...valid(), sendAt: sendAt.toISOString(), requiresAcknowledgement: true }, 201);
      assert.equal(created.status, 'scheduled');
      assert.equal(created.sendAt, sendAt.toISOString());
      const reach = await json<Reach>('communicator', 'GET', `/announcements/${created.id}/reach`);
      assert.deepEqual({ sentAt: reach.sentAt, municipality: reach.municipality, units: reach.units }, { sentAt: null, municipality: null, units: [] });
      assert.deepEqual(await json('communicator', 'GET', `/announcements/${created.id}/timeline`), { points: [] });
      await assertProblem(await api.call('communicator', 'POST', `/announcements/${created.id}/reminder`), 409, 'announcement_still_sending', /once the announcement has been sent/);
      await assertProblem(await api.call('communicator', 'POST', `/announcements/${created.id}/cancel`, { now: true }), 400, 'invalid_body', /now/);
      const cancelled = await json<Detail>('communicator', 'POST', `/announcements/${created.id}/cancel`);
      assert.equal(cancelled.status, 'cancelled');
      await assertProblem(await api.call('communicator', 'POST', `/announcements/${created.id}/cancel`, {}), 409, 'announcement_finished', /already cancelled/);
    });
  });

  describe('reach, unreached and briefing, with a small unit', () => {
    /**
     * The lead's unit: 12 recipients (10 delivered, 1 failed, 1 not reachable; 4 read receipts, 3
     * acknowledged, 2 clicked); a sibling with 8 and another with 2, sent four days ago.
     */
    let id: string;
    let seats: Seat[];
    before(async () => {
      const people = staff();
      const mine: Seat[] = people.slice(0, 12).map((person, i) => ({
        person,
        unitId: lead.id,
        outcome: i === 10 ? 'failed' : i === 11 ? 'unreachable' : 'sent',
        receipt: i <= 3,
        ack: i >= 3 && i <= 5,
        click: i === 5 || i === 6,
      }));
      const eight: Seat[] = people.slice(12, 20).map((person, i) => ({ person, unitId: siblings[0].id, outcome: 'sent', receipt: i < 2 }));
      const two: Seat[] = people.slice(20, 22).map((person) => ({ person, unitId: siblings[1].id, outcome: 'sent', ack: true }));
      seats = [...mine, ...eight, ...two];
      id = (await seeded(seats, { requiresAcknowledgement: true, daysAgo: 4 })).id;
    });

    it('shows the funnel of the whole audience and each unit with its sub-units', async () => {
      const reach = await json<Reach>('communicator', 'GET', `/announcements/${id}/reach`);
      assert.equal(reach.minGroupSize, 5);
      assert.equal(reach.readReceipts, 'seen');
      const { onTeams: _, ...whole } = reach.municipality!;
      assert.deepEqual(whole, { targeted: 22, delivered: 20, read: 7 + 2 + 2, acknowledged: 3 + 2, clicked: 2 });
      const { onTeams: __, ...lead_ } = funnelOf(reach.units.find((u) => u.unitId === lead.id))!;
      assert.deepEqual(lead_, { targeted: 12, delivered: 10, read: 7, acknowledged: 3, clicked: 2 });
      assert.equal(reach.units[0]!.unitId, lead.id, 'least reached first');
    });

    it('hides the unit of two and the sibling that would give it away, so nothing is recoverable by subtraction', async () => {
      const reach = await json<Reach>('communicator', 'GET', `/announcements/${id}/reach`);
      const hiddenOf = (unit: Unit) => {
        const row = reach.units.find((u) => u.unitId === unit.id)!;
        return 'hidden' in row ? row.hidden : 'shown';
      };
      assert.deepEqual([hiddenOf(lead), hiddenOf(siblings[0]), hiddenOf(siblings[1])], ['shown', 'complementary', 'small']);
      assert.equal(funnelOf(reach.units.find((u) => u.unitId === parent.id))!.targeted, 22, 'counted in the unit above');
      assert.deepEqual(recoverable(reach), []);
      for (const row of reach.units.filter((u) => 'hidden' in u)) assert.deepEqual(Object.keys(row).sort(), ['hidden', 'name', 'parentId', 'path', 'unitId'], 'a hidden unit carries no figure');
      const unreached = await json<{ units: UnreachedUnit[]; notReadAfterDays: number }>('communicator', 'GET', `/announcements/${id}/unreached`);
      assert.deepEqual(unreached.units.map((u) => u.unitId), reach.units.map((u) => u.unitId), 'the same units in the same order');
      assert.ok(unreached.units.filter((u) => 'hidden' in u).every((u) => [siblings[0].id, siblings[1].id].includes(u.unitId)));
    });

    it('says per unit why people were not reached: not on Teams, failed, not reachable, not read after three days', async () => {
      const unreached = await json<{ units: UnreachedUnit[]; notReadAfterDays: number }>('communicator', 'GET', `/announcements/${id}/unreached`);
      assert.equal(unreached.notReadAfterDays, 3);
      const mine = unreached.units.find((u) => u.unitId === lead.id)!;
      assert.ok('failed' in mine);
      assert.deepEqual({ failed: mine.failed, unreachable: mine.unreachable, notRead: mine.notRead }, { failed: 1, unreachable: 1, notRead: 3 });
      const reach = await json<Reach>('communicator', 'GET', `/announcements/${id}/reach`);
      assert.equal(mine.notOnTeams, 12 - funnelOf(reach.units.find((u) => u.unitId === lead.id))!.onTeams!);
    });

    it('gives the briefing sheet with the count and, as acknowledgement was asked up front, the names of those who have not acknowledged', async () => {
      const briefing = await json<Briefing>('communicator', 'GET', `/announcements/${id}/briefing?unitId=${lead.id}`);
      assert.equal(briefing.toBrief, 5, 'three not read after delivery, one failed, one not reachable');
      const expected = seats.filter((s) => s.unitId === lead.id && !s.ack).map((s) => s.person.displayName).sort((a, b) => a.localeCompare(b, 'nb'));
      assert.deepEqual(briefing.names, expected);
      assert.deepEqual(briefing.announcement, { title: 'Nytt turnussystem', body: content().versions.nb!.body, links: content().versions.nb!.links, locale: 'nb' });
      const whole = await json<Briefing>('communicator', 'GET', `/announcements/${id}/briefing?unitId=${parent.id}`);
      assert.equal(whole.names!.length, 22 - 5, 'a unit’s sheet names those of its sub-units too');
    });

    it('gives no briefing sheet for a unit too small to show, or one its figures would give away', async () => {
      for (const unit of siblings) {
        await assertProblem(await api.call('communicator', 'GET', `/announcements/${id}/briefing?unitId=${unit.id}`), 403, 'group_too_small', /Fewer than 5 people/, unit.name);
      }
      await assertProblem(await api.call('communicator', 'GET', `/announcements/${id}/briefing`), 400, 'invalid_query', /unitId/);
      await assertProblem(await api.call('communicator', 'GET', `/announcements/${id}/briefing?unitId=Hjemmetjenesten`), 400, 'invalid_query', /unitId must be a unit id/);
      await assertProblem(await api.call('communicator', 'GET', `/announcements/${id}/briefing?unitId=0b7d1c51-8e1f-4f6e-9a55-3f5ac1d0c0de`), 404, 'unit_not_found', /No such unit/);
    });

    it('shows a unit lead their own unit only, with it as the whole, and no sheet for another unit', async () => {
      const reach = await json<Reach>('unitLead', 'GET', `/announcements/${id}/reach`);
      assert.deepEqual(reach.units.map((u) => u.unitId), [lead.id]);
      assert.deepEqual(reach.municipality, funnelOf(reach.units[0]));
      const unreached = await json<{ units: UnreachedUnit[] }>('unitLead', 'GET', `/announcements/${id}/unreached`);
      assert.deepEqual(unreached.units.map((u) => u.unitId), [lead.id]);
      const briefing = await json<Briefing>('unitLead', 'GET', `/announcements/${id}/briefing?unitId=${lead.id}`);
      assert.equal(briefing.names!.length, 9);
      for (const unit of [parent, siblings[0]]) {
        await assertProblem(await api.call('unitLead', 'GET', `/announcements/${id}/briefing?unitId=${unit.id}`), 403, 'forbidden', /not one of yours/, unit.name);
      }
    });

    it('counts the timeline up hour by hour to the funnel’s figures', async () => {
      const { points } = await json<{ points: Array<{ at: string; delivered: number; read: number; acknowledged: number; clicked: number }> }>('communicator', 'GET', `/announcements/${id}/timeline`);
      assert.equal(points.length, 2, 'delivered in one hour, read, acknowledged and clicked the next');
      assert.equal(new Date(points[1]!.at).getTime() - new Date(points[0]!.at).getTime(), 3600_000);
      assert.deepEqual(points.at(-1), { at: points.at(-1)!.at, delivered: 20, read: 11, acknowledged: 5, clicked: 2 });
    });
  });

  it('shows nothing of an audience under the group size while it is still being sent, and no reminder yet', async () => {
    const people = staff().slice(30, 33);
    const created = await seeded(people.map((person) => ({ person, unitId: lead.id, outcome: 'sent' as const, receipt: true })), { requiresAcknowledgement: false, daysAgo: 0, settle: 2 });
    const reach = await json<Reach>('communicator', 'GET', `/announcements/${created.id}/reach`);
    assert.equal(reach.municipality, null);
    assert.ok(reach.units.length > 0 && reach.units.every((u) => 'hidden' in u));
    assert.deepEqual(await json('communicator', 'GET', `/announcements/${created.id}/timeline`), { points: [] });
    const progress = await json<Progress>('communicator', 'GET', `/announcements/${created.id}/progress`);
    assert.deepEqual({ total: progress.total, queued: progress.queued, sent: progress.sent }, { total: 3, queued: 1, sent: 2 });
    await assertProblem(await api.call('communicator', 'POST', `/announcements/${created.id}/reminder`, {}), 409, 'announcement_still_sending', /once the announcement has been sent/);
  });
});
