/**
 * Announcement fan-out at the tenant's limit, with the sending process SIGKILLed half way.
 *
 * `npm run bench -- fanout`: 20,000 simulated staff, the simulator's Bot Connector limited to 500
 * messages a second for the tenant, the sender at ANNOUNCEMENT_SEND_CEILING=500.
 * `npm run bench -- fanout --real`: 3,000 staff at the real ceiling, 30 a second on both sides.
 *
 * The simulator and the bench's own bookkeeping run in this process; the sending runs in a child
 * process (test/support/announcement-sender.ts) on real PostgreSQL in a fresh schema, dropped at the
 * end. Everyone has a stored conversation reference first (as staff who have opened the bot), so the
 * run measures message throughput rather than installing the app through Graph. The announcement is
 * created through the service with a sendAt an hour ahead (no in-process job sends it); the first
 * child is SIGKILLed once half the recipients' cards have reached the connector, a second child is
 * started at once and runs until it prints "done".
 *
 * Targets (announcement issue): ratio ≥ 0.95 of the limit over the time spent sending, 0 lost, 0
 * duplicates, 0 limit violations.
 *
 * Figures, all from the simulator's own record (accepted POSTs carrying this announcement's card):
 * - recipients: the announcement's delivery rows (everyone in the audience: staff in the directory
 *   with an enabled account, so a little under `staff`).
 * - ratio: deliveries ÷ (limit × seconds spent sending), counted over each sender's whole seconds from
 *   its first delivery (the gap between the kill and the second sender's first delivery is left out).
 *   ratioFirstToLast is the same over first-to-last delivery times, ratioWithRestart over the whole
 *   span including the gap (gapSeconds).
 * - lost: recipients the connector never accepted a card for whom the store does not mark unreachable
 *   or failed (so sent, queued or still in doubt at the end). sentButNotDelivered and
 *   notSentButDelivered say where the store and the connector disagree.
 * - duplicates: Σ max(0, n − 1) over each person's accepted cards; strays: cards for people who are
 *   not recipients.
 * - limitViolations: calls the connector refused for the tenant or a conversation limit (429).
 * - inDoubtAfterKill: rows the killed sender left 'sending', split into those whose card had reached
 *   the connector (the second sender must find it in the chat) and those it had not.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { createAnnouncementService } from '../app/announcements/announcement-service.js';
import { loadConfig } from '../app/config.js';
import { syncDirectoryFromGraph } from '../app/directory-sync.js';
import { createLogger } from '../app/logger.js';
import { simulatorEnv, startSimulator } from '../sim/index.js';
import { announcementIn } from '../sim/announcement-cards.js';
import { createAdoptionRepository } from '../store/adoption-repository.js';
import { createAnnouncementRepository } from '../store/announcement-repository.js';
import { openDatabase } from '../store/database.js';
import { createDirectoryRepository } from '../store/directory-repository.js';
import { createSurveyRepository } from '../store/survey-repository.js';
import { startSenderProcess, type SenderChild } from '../test/support/sender-process.js';

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
const TARGET = { ratio: 0.95, lost: 0, duplicates: 0, limitViolations: 0 };

const benchStart = performance.now();
const log = (message: string) => process.stderr.write(`[fanout ${((performance.now() - benchStart) / 1000).toFixed(1)}s] ${message}\n`);
const round = (n: number, places = 3) => Math.round(n * 10 ** places) / 10 ** places;

export async function run(args: string[]): Promise<{ ok: boolean; [key: string]: unknown }> {
  const real = args.includes('--real');
  const staff = real ? 3000 : 20_000;
  const limit = real ? 30 : 500;
  const databaseUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || DEFAULT_DATABASE_URL;
  const schema = `bench_fanout_${process.pid}_${Date.now().toString(36)}`;

  const sim = await startSimulator({ staff, seed: 'bench', connector: { tenantPerSecond: limit } });
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...simulatorEnv(sim),
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    ANNOUNCEMENT_SEND_CEILING: String(limit),
    ANNOUNCEMENT_DISPATCH_CRON: 'off',
    SURVEY_DISPATCH_CRON: 'off',
  };
  const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
  const logger = createLogger(config);
  const database = await openDatabase({ url: databaseUrl, schema });
  const children = new Set<SenderChild>();
  try {
    const db = database.db;
    const directory = createDirectoryRepository(database.db);
    const store = createAnnouncementRepository(db);
    const synced = await syncDirectoryFromGraph(config, { directory, adoption: createAdoptionRepository(db) }, logger);
    const tenantId = sim.tenantId;

    // Everyone has opened the bot: their 1:1 conversation reference, as the bot stores it from a turn (bot/chat.ts rememberChat).
    const serviceUrl = `${sim.url}/`;
    await pgQuery(
      databaseUrl,
      `update ${schema}.people set conversation_reference = jsonb_build_object(
         'activityId', 'f:' || aad_object_id, 'channelId', 'msteams', 'serviceUrl', $2::text, 'locale', 'nb-NO',
         'user', jsonb_build_object('id', '29:' || aad_object_id, 'name', display_name, 'aadObjectId', aad_object_id),
         'bot', jsonb_build_object('id', '28:' || $3::text, 'name', 'Digipuls'),
         'conversation', jsonb_build_object('id', 'a:chat-' || aad_object_id, 'conversationType', 'personal', 'tenantId', tenant_id))
       where tenant_id = $1`,
      [tenantId, serviceUrl, sim.app.clientId],
    );

    const service = createAnnouncementService({
      config,
      store,
      directory,
      people: createSurveyRepository(db),
      kick: async () => {},
      logger,
    });
    const communicator = sim.municipality.demoPersons.communicator.id;
    const created = await service.create(
      tenantId,
      {
        content: {
          versions: {
            nb: {
              title: 'Nytt turnussystem fra 1. desember',
              body: 'Fra 1. desember fører vi vaktene i **MinTurnus**. Les [veiledningen](https://intranett.example.no/minturnus) før første vakt.',
              links: [{ label: 'Åpne MinTurnus', url: 'https://minturnus.example.no/' }],
            },
            en: { title: 'New shift system from 1 December', body: 'From 1 December shifts are kept in **MinTurnus**.', links: [] },
          },
          fallbackLocale: 'nb',
          image: null,
        },
        audience: { kind: 'everyone' },
        // Far enough ahead that nothing in this process sends it: the sender processes run it as due.
        sendAt: new Date(Date.now() + 3600_000).toISOString(),
        requiresAcknowledgement: false,
      },
      { aadObjectId: communicator, role: 'Communicator' },
    );
    const id = created.id;
    const audience = (await createSurveyRepository(db).audiencePeople(tenantId, {})).length;
    log(`${synced.people} people in the directory, ${audience} in the audience; limit ${limit}/s; announcement ${id}; schema ${schema}`);

    sim.connector.resetViolations();
    // The simulator's event loop (this process): a stall here bunches calls together at the connector's clock.
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    const activities = sim.connector.activities;
    const startedAt = performance.now();

    // First sender: killed once half the audience's cards have reached the connector.
    const half = Math.ceil(audience / 2);
    const first = startSender(env, schema, 'sender 1', children);
    let killedAt = 0;
    let deliveredAtKill = 0;
    await new Promise<void>((resolve, reject) => {
      const progress = everySecond(() => activities.length, audience, limit);
      const watch = setInterval(() => {
        if (activities.length < half) return;
        clearInterval(watch);
        progress.stop();
        deliveredAtKill = activities.length;
        first.child.kill('SIGKILL');
        killedAt = Date.now();
        log(`SIGKILL sender 1 at ${deliveredAtKill} accepted calls`);
        resolve();
      }, 2);
      first.exited.then((code) => {
        clearInterval(watch);
        progress.stop();
        if (!killedAt) reject(new Error(`sender 1 exited (${code}) before it was killed, at ${activities.length} calls`));
      });
    });
    await first.exited;
    // As the store will count them once the dead sender's lease has run out (until then they show as on their way).
    const afterKill = await store.counts(tenantId, id, new Date(Date.now() + 10_000));
    const inDoubtIds = await pgQuery<{ aad_object_id: string }>(
      databaseUrl,
      `select aad_object_id from ${schema}.announcement_deliveries where tenant_id = $1 and announcement_id = $2 and state = 'sending'`,
      [tenantId, id],
    );
    log(`after the kill the store says ${JSON.stringify(afterKill)}`);

    // Second sender: resolves the sends left in doubt, then sends the rest.
    const secondSpawnedAt = Date.now();
    const second = startSender(env, schema, 'sender 2', children);
    const progress = everySecond(() => activities.length, audience, limit);
    const code = await second.exited.finally(() => progress.stop());
    if (code !== 0 || !second.done()) throw new Error(`sender 2 exited with ${code} without "done"`);
    const wallSeconds = (performance.now() - startedAt) / 1000;
    loopDelay.disable();

    // What reached the connector: accepted POSTs carrying this announcement's card.
    const cards = activities.filter((a) => a.method === 'POST' && announcementIn(a.activity)?.announcementId === id);
    const times = cards.map((a) => a.receivedAt.getTime());
    const beforeKill = times.filter((t) => t < secondSpawnedAt);
    const afterRestart = times.filter((t) => t >= secondSpawnedAt);
    const firstAt = Math.min(...times);
    const lastAt = Math.max(...times);
    const lastBeforeKill = Math.max(...beforeKill);
    const firstAfterRestart = afterRestart.length > 0 ? Math.min(...afterRestart) : lastBeforeKill;
    const sendingSeconds = (lastBeforeKill - firstAt + (afterRestart.length > 0 ? lastAt - firstAfterRestart : 0)) / 1000;
    const gapSeconds = (firstAfterRestart - lastBeforeKill) / 1000;
    const spanSeconds = (lastAt - firstAt) / 1000;
    // The rate counted as the connector counts it, over whole seconds: from each sender's first delivery,
    // the deliveries in the whole seconds that follow (the last part-second is left out). First to last
    // alone overstates a sender that sends a second's worth at the start of each second (30 at once at 30/s):
    // 30 × k in (k − 1) seconds and a bit.
    const wholeSeconds = [beforeKill, afterRestart]
      .filter((t) => t.length > 0)
      .map((t) => {
        const from = Math.min(...t);
        const seconds = Math.floor((Math.max(...t) - from) / 1000);
        return { count: t.filter((x) => x < from + seconds * 1000).length, seconds };
      });
    const countedSeconds = wholeSeconds.reduce((n, p) => n + p.seconds, 0);
    const ratio = wholeSeconds.reduce((n, p) => n + p.count, 0) / (limit * countedSeconds);

    // Per person: the connector's count against the store's state.
    const deliveries = sim.connector.deliveries(id);
    const states = await pgQuery<{ aad_object_id: string; state: string; reason: string | null }>(
      databaseUrl,
      `select aad_object_id, state, reason from ${schema}.announcement_deliveries where tenant_id = $1 and announcement_id = $2`,
      [tenantId, id],
    );
    const recipients = states.length;
    const byState: Record<string, number> = {};
    let deliveredOnce = 0;
    let duplicates = 0;
    let lost = 0;
    let notSentButDelivered = 0;
    let sentButNotDelivered = 0;
    const reasons: Record<string, number> = {};
    for (const row of states) {
      byState[row.state] = (byState[row.state] ?? 0) + 1;
      const n = deliveries.get(row.aad_object_id) ?? 0;
      if (n === 1) deliveredOnce++;
      duplicates += Math.max(0, n - 1);
      if (row.reason) reasons[row.reason] = (reasons[row.reason] ?? 0) + 1;
      // Lost: nothing reached them, yet the store does not say they could not be reached (sent, queued, in doubt).
      if (n === 0 && row.state !== 'unreachable' && row.state !== 'failed') lost++;
      if (n === 0 && row.state === 'sent') sentButNotDelivered++;
      if (n > 0 && row.state !== 'sent') notSentButDelivered++;
    }
    // Of those left in doubt by the kill, how many had the card already (the second sender must find it in
    // their chat and not send again) and how many had not (it must send them one).
    const deliveredBeforeKill = new Set(cards.filter((a) => a.receivedAt.getTime() < secondSpawnedAt).map((a) => a.personId));
    const inDoubtDelivered = inDoubtIds.filter((r) => deliveredBeforeKill.has(r.aad_object_id)).length;
    const recipientIds = new Set(states.map((r) => r.aad_object_id));
    const strays = [...deliveries.keys()].filter((k) => !recipientIds.has(k)).length;
    const violations = sim.connector.violations();
    const limitViolations = violations.tenant + violations.conversation;
    const ratioFirstToLast = cards.length / (limit * sendingSeconds);
    const ratioWithRestart = cards.length / (limit * spanSeconds);

    const result = {
      recipients,
      limit,
      ratio: round(ratio),
      lost,
      duplicates,
      limitViolations,
      ratioWithRestart: round(ratioWithRestart),
      ratioFirstToLast: round(ratioFirstToLast),
      mode: real ? 'real' : 'default',
      staff,
      violations,
      inDoubtAfterKill: inDoubtIds.length,
      inDoubtAlreadyDelivered: inDoubtDelivered,
      inDoubtNotYetSent: inDoubtIds.length - inDoubtDelivered,
      storeAfterKill: afterKill,
      deliveredAtKill: beforeKill.length,
      delivered: cards.length,
      deliveredOnce,
      storeStates: byState,
      reasons,
      sentButNotDelivered,
      notSentButDelivered,
      strays,
      seconds: round(sendingSeconds, 2),
      countedSeconds,
      gapSeconds: round(gapSeconds, 2),
      spanSeconds: round(spanSeconds, 2),
      wallSeconds: round(wallSeconds, 2),
      ratePerSecond: round(cards.length / sendingSeconds, 1),
      simEventLoopDelayMs: { p50: round(loopDelay.percentile(50) / 1e6, 1), p99: round(loopDelay.percentile(99) / 1e6, 1), max: round(loopDelay.max / 1e6, 1) },
      target: TARGET,
      ok: ratio >= TARGET.ratio && lost === 0 && duplicates === 0 && limitViolations === 0 && strays === 0,
    };
    log(JSON.stringify(result));
    return result;
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await database.close().catch(() => undefined);
    await sim.close();
    await pgQuery(databaseUrl, `drop schema if exists ${schema} cascade; drop schema if exists ${schema}_jobs cascade`).catch((error: unknown) =>
      log(`could not drop schema ${schema}: ${String(error)}`),
    );
  }
}

/** Starts a sending process; its stdout and log (stderr) go to our stderr, prefixed. */
function startSender(env: Record<string, string | undefined>, schema: string, name: string, children: Set<SenderChild>) {
  return startSenderProcess({
    env,
    schema,
    children,
    onLine: (line) => log(`${name}: ${line}`),
    onLog: (line) => process.stderr.write(`[${name}] ${line}\n`),
  });
}

/** Progress on stderr once a second: calls accepted so far and the rate over the last second. */
function everySecond(count: () => number, total: number, limit: number) {
  let last = count();
  const timer = setInterval(() => {
    const now = count();
    log(`${now}/${total} accepted, ${now - last}/s (limit ${limit})`);
    last = now;
  }, 1000);
  return { stop: () => clearInterval(timer) };
}

async function pgQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}
